import AxeBuilder from '@axe-core/playwright'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { CalibrationPage } from './pages/CalibrationPage'

const CLI = join(import.meta.dirname, '..', '..', 'out/main/cli.js')

/**
 * A thin-evidence workspace made with the real CLI: twelve people, one FY2024 rating each except two new joiners,
 * and one undated average training score each (one person has none) — learning agility has nothing to rank.
 */
function makeThinWorkspace(dir: string): { path: string; keyFile: string } {
  const path = join(dir, 'workspaces', 'thin.ninefold')
  const keyFile = join(dir, 'thin.key')
  writeFileSync(keyFile, 'end to end test passphrase\n', { mode: 0o600 })
  const ws = ['--workspace', path, '--key-file', keyFile, '--data-dir', dir]
  const run = (args: string[]): void => {
    const result = spawnSync(process.execPath, [CLI, ...args, ...ws], { encoding: 'utf8' })
    if (result.status !== 0) throw new Error(`ninefold ${args.join(' ')} failed: ${result.stderr}`)
  }
  const ids = Array.from({ length: 12 }, (_, i) => `T${String(i + 1).padStart(2, '0')}`)
  const names = [
    'Ada Lovelace',
    'Alan Turing',
    'Grace Hopper',
    'Edsger Dijkstra',
    'Barbara Liskov',
    'Donald Knuth',
  ]
  const file = (name: string, lines: string[]): string => {
    const at = join(dir, name)
    writeFileSync(at, lines.join('\n'))
    return at
  }
  run(['workspace', 'create', '--name', 'Thin evidence'])
  run([
    'import',
    file('people.csv', [
      'Employee ID,Full Name,Department,Hire Date',
      ...ids.map((id, i) => `${id},${names[i % names.length]} ${i + 1},Operations,2016-04-01`),
    ]),
    '--as',
    'people',
  ])
  const mapping = (name: string, spec: object): string => file(name, [JSON.stringify(spec)])
  run([
    'import',
    file('ratings.csv', ['Employee ID,Rating', ...ids.slice(0, 10).map((id, i) => `${id},${1 + (i % 5)}`)]),
    '--as',
    'reviews',
    '--mapping',
    mapping('ratings.json', {
      columns: { 'Employee ID': 'employeeId', Rating: 'overallRating' },
      scale: { min: 1, max: 5 },
      constants: { cycle: 'FY2024' },
    }),
  ])
  run([
    'import',
    file('training.csv', [
      'Employee ID,Average training score',
      ...ids.map((id, i) => `${id},${i === 9 ? '' : String(50 + ((i * 13) % 50))}`),
    ]),
    '--as',
    'learning',
    '--mapping',
    mapping('training.json', {
      columns: { 'Employee ID': 'employeeId', 'Average training score': 'score' },
      constants: {
        activityId: 'AVG-TRAINING',
        activityTitle: 'Average training score',
        activityType: 'assessment',
        status: 'completed',
        scoreMax: '100',
      },
    }),
  ])
  return { path, keyFile }
}

test.describe('a session whose evidence is thin', () => {
  const thin = makeThinWorkspace(mkdtempSync(join(tmpdir(), 'ninefold-e2e-thin-')))
  test.use({ hostArgs: ['--workspace', thin.path, '--key-file', thin.keyFile] })

  test('empties the holding area with its to-do: a source in one undoable step, then the rest by hand', async ({
    page,
    host,
  }) => {
    await page.goto(host.url)
    const calibration = new CalibrationPage(page)
    await calibration.startSession('FY2024 review')
    const todo = page.getByRole('region', { name: 'Holding area: what would place them' })
    await expect(todo).toContainText('10 people have no potential evidence for FY2024')
    await expect(todo).toContainText('2 people have no rating in FY2024')
    await expect(
      todo.getByRole('button', { name: 'use their assessment scores (places 9 people)' }),
    ).toBeVisible()
    // Nothing reads as a code: no reason keys, no flag codes, no raw message keys.
    await expect(todo).not.toContainText(/insufficient-evidence|not-rated|calibration\./)
    await page.screenshot({ path: 'test-results/screens/holding-todo.png', fullPage: true })

    await todo.getByRole('button', { name: 'use their assessment scores (places 9 people)' }).click()
    await expect(todo).toContainText('1 person has no potential evidence for FY2024')
    await expect(calibration.grid.locator('[data-employee]')).toHaveCount(9)
    // One step: undo restores the previous source (everyone held), redo places them again.
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect(todo).toContainText('10 people have no potential evidence for FY2024')
    await expect(calibration.grid.locator('[data-employee]')).toHaveCount(0)
    await page.getByRole('button', { name: 'Redo' }).click()
    await expect(calibration.grid.locator('[data-employee]')).toHaveCount(9)

    // The three left are placed by hand from the side panel, each with a reason.
    const holding = page.getByRole('region', { name: 'Holding area', exact: true })
    for (let left = 3; left > 0; left--) {
      await todo.getByRole('button', { name: 'place by hand' }).first().click()
      await holding.getByRole('button').first().click()
      const panel = page.locator('aside.person-panel')
      await expect(panel).toContainText('In the holding area')
      if (left === 3) {
        // The to-do and the held person's panel read well to assistive technology too.
        const axe = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          .analyze()
        expect(
          axe.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
        ).toEqual([])
      }
      await panel.getByLabel('Place in box').selectOption('5')
      await calibration.confirmMove('The panel agreed on a solid first year')
      await expect(calibration.grid.locator('[data-employee]')).toHaveCount(12 - left + 1)
    }
    await expect(todo).toBeHidden()
    await expect(holding).toBeHidden()
    await expect(page.locator('aside.person-panel')).toContainText(/placed by hand/i)
    await page.screenshot({ path: 'test-results/screens/holding-todo-done.png', fullPage: true })
  })

  test('sends "import ratings" to the Import screen with reviews chosen', async ({ page, host }) => {
    await page.goto(host.url)
    const calibration = new CalibrationPage(page)
    await calibration.startSession('FY2024 imports')
    await page.getByRole('button', { name: 'import ratings' }).click()
    await expect(page.getByLabel('Record kind')).toHaveValue('reviews')
  })

  test('speaks Polish: the reasons, counts and ways out in proper plural forms', async ({ page, host }) => {
    await page.goto(host.url)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click()
    await page.getByLabel('Language').selectOption('pl')
    const nav = page.getByRole('navigation', { name: 'Główne' })
    await nav.getByRole('button', { name: 'Kalibracja' }).click()
    await page.getByLabel('Nazwa').fill('Przegląd FY2024')
    await page.getByRole('button', { name: 'Rozpocznij sesję' }).click()
    const todo = page.getByRole('region', { name: 'Poczekalnia: co pozwoli umieścić te osoby' })
    await expect(todo).toContainText('10 osób nie ma dowodów potencjału w cyklu FY2024')
    await expect(todo).toContainText('2 osoby nie mają oceny w cyklu FY2024')
    await expect(todo.getByRole('button', { name: 'użyj ich wyników testów (umieści 9 osób)' })).toBeVisible()
    await expect(todo).not.toContainText(/insufficient|calibration\.|not-rated/)
    await page.screenshot({ path: 'test-results/screens/holding-todo-pl.png', fullPage: true })
  })
})
