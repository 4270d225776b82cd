import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, makeDemoWorkspace, test } from './fixtures'
import { CalibrationPage } from './pages/CalibrationPage'

test.describe('roll-up sessions', () => {
  const demo = makeDemoWorkspace(mkdtempSync(join(tmpdir(), 'ninefold-e2e-rollup-')), 200)
  test.use({ hostArgs: ['--workspace', demo.path, '--key-file', demo.keyFile] })

  test('rolls up two department sessions; a move in the roll-up is logged on the child, which stays locked', async ({
    page,
    host,
  }) => {
    await page.goto(host.url)
    const calibration = new CalibrationPage(page)
    const finalizeAndLeave = async () => {
      await page.getByRole('button', { name: 'Finalize', exact: true }).click()
      await calibration.dialog.getByRole('button', { name: 'Finalize and lock' }).click()
      await expect(calibration.status).toHaveText('finalized')
      await page.getByRole('button', { name: '← Sessions' }).click()
    }
    await calibration.startSession('Sales 2025', 'Sales')
    await finalizeAndLeave()
    await calibration.startSession('Engineering 2025', 'Engineering')
    await finalizeAndLeave()

    // The new-session form: a roll-up starts from finalized sessions instead of a scope.
    await page.getByLabel('Name').fill('Division 2025')
    await page.getByLabel('Finalized sessions (a roll-up)').check()
    await expect(page.getByLabel('Department')).toBeHidden()
    await page.getByRole('checkbox', { name: /^Sales 2025/ }).check()
    await page.getByRole('checkbox', { name: /^Engineering 2025/ }).check()
    await page.getByRole('button', { name: 'Start session' }).click()
    await expect(calibration.grid).toBeVisible({ timeout: 30_000 })
    await expect(page.getByTestId('rollup-notice')).toContainText('Roll-up of Engineering 2025, Sales 2025.')

    // Someone from Sales (the filter by the session that placed people; the side panel says it too).
    const placedIn = page.getByRole('group', { name: 'Filters' }).getByLabel('Placed in')
    await placedIn.selectOption({ label: 'Sales 2025' })
    const total = await calibration.grid.locator('[data-employee]').count()
    const fromSales = Number(
      /^(\d+) of/.exec((await page.getByTestId('filter-count').textContent()) ?? '')?.[1],
    )
    expect(fromSales).toBeGreaterThan(0)
    expect(fromSales).toBeLessThan(total)
    await placedIn.selectOption({ label: 'All' })
    const drawn = await calibration.grid
      .locator('[data-employee]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-employee') ?? ''))
    let mover = ''
    for (const id of drawn) {
      if ((await calibration.boxOf(id)) === 9) continue
      await calibration.person(id).click()
      if ((await page.getByTestId('panel-placed-in').textContent()) === 'Sales 2025') {
        mover = id
        break
      }
    }
    if (!mover) throw new Error('no one from Sales outside box 9')
    const from = await calibration.boxOf(mover)
    const name =
      (await page.locator('.person-panel h3').textContent())?.replace(/\s*·?\s*box \d.*$/i, '') ?? ''
    await calibration.dragTo(mover, 9)
    await calibration.confirmMove('Leads the division-wide migration', 'Evidence not in the system')
    await expect.poll(() => calibration.boxOf(mover)).toBe(9)
    await calibration.person(mover).click()
    await expect(page.getByTestId('panel-placed-in')).toHaveText('Sales 2025')
    await page.locator('.session-log summary').click()
    await expect(page.locator('.session-log')).toContainText(`${name}: box ${from} → 9 (step 1)`)
    // The page scrolls inside the app's frame: the notice and the grid back in view, as the facilitator sees them.
    await page.getByTestId('rollup-notice').scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/screens/rollup-parent.png', fullPage: true })

    // The child: still finalized and locked by the roll-up, with the roll-up's move on its own trail.
    await page.getByRole('button', { name: '← Sessions' }).click()
    await page.getByRole('button', { name: 'Sales 2025' }).click()
    await expect(calibration.status).toHaveText('finalized')
    await expect(page.getByTestId('rollup-notice')).toContainText(
      'Locked while the roll-up Division 2025 is open.',
    )
    await page.locator('.session-log summary').click()
    await expect(page.locator('.session-log')).toContainText(
      `${name}: box ${from} → 9 in the roll-up Division 2025`,
    )
    await expect(page.locator('.session-log')).toContainText('Leads the division-wide migration')
    await expect(page.locator('.session-log')).toContainText('Rolled up into Division 2025')
    await page.screenshot({ path: 'test-results/screens/rollup-child-log.png', fullPage: true })
    await page.getByTestId('rollup-notice').scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/screens/rollup-child.png', fullPage: true })
  })
})
