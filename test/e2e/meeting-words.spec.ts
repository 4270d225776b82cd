import AxeBuilder from '@axe-core/playwright'
import ExcelJS from 'exceljs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { rawCodes } from '../support/rawCodes'
import { expect, makeDemoWorkspace, personInDemo, test } from './fixtures'
import { CalibrationPage } from './pages/CalibrationPage'

/**
 * What a person reads on the screen now: the visible text (select options included) and the names assistive
 * technology reads out (aria-label, title, placeholder).
 */
async function readable(page: Page): Promise<string> {
  return page.evaluate(() => {
    const named = [...document.querySelectorAll('[aria-label], [title], [placeholder]')].flatMap((el) =>
      ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? ''),
    )
    const options = [...document.querySelectorAll('option')].map((o) => o.textContent ?? '')
    return [document.body.innerText, ...named, ...options].join('\n')
  })
}

/** Serious and critical WCAG 2.1 A/AA violations on what is on screen now. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
}

async function codesInBook(path: string): Promise<string[]> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(path)
  const found: string[] = []
  for (const sheet of book.worksheets)
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        for (const code of rawCodes(cell.text)) found.push(`${sheet.name}!${cell.address}: ${code}`)
      }),
    )
  return found
}

test.describe('a meeting in words', () => {
  const demo = makeDemoWorkspace(mkdtempSync(join(tmpdir(), 'ninefold-e2e-words-')), 600)
  const gap = demo.plantedCases.find((c) => c.kind === 'compliance-gap')
  if (!gap) throw new Error('the demo planted no compliance gap')
  const gapPerson = personInDemo(demo, gap.employeeId)
  const manager = gapPerson.managerId ? personInDemo(demo, gapPerson.managerId) : null
  test.use({ hostArgs: ['--workspace', demo.path, '--key-file', demo.keyFile] })

  test('walks every screen and export of a session and finds names and words, never raw codes', async ({
    page,
    host,
  }) => {
    test.setTimeout(180_000)
    await page.goto(host.url)
    const calibration = new CalibrationPage(page)
    const found: Record<string, string[]> = {}
    const problems: Record<string, string[]> = {}
    const look = async (screen: string, screenshot?: string): Promise<void> => {
      const codes = rawCodes(await readable(page))
      if (codes.length > 0) found[screen] = [...new Set(codes)]
      const axe = await violations(page)
      if (axe.length > 0) problems[screen] = axe
      if (screenshot)
        await page.screenshot({ path: `test-results/screens/${screenshot}.png`, fullPage: true })
    }

    await calibration.startSession(`${gapPerson.department} words`, gapPerson.department)
    await look('calibration grid')

    // The panel at a glance: the manager by name, why they are in this box, the formula behind a disclosure.
    await calibration.person(gap.employeeId).click()
    const panel = page.locator('aside.person-panel')
    if (manager) await expect(panel.getByTestId('panel-manager')).toHaveText(manager.fullName)
    await expect(panel.getByTestId('panel-why')).toHaveText(
      /^Box \d, .+: \w+ performance and \w+ potential\.$/,
    )
    await expect(panel).toContainText('Tenure')
    await expect(panel.locator('details.how-computed')).not.toHaveAttribute('open')
    await look('person panel', 'words-panel')
    await panel.getByText('How this is computed').click()
    await expect(panel.locator('details.how-computed')).toContainText(/\d+(st|nd|rd|th) percentile/)
    // Ordinals by the plural rules: never "92th" or "1th" (11th, 12th, 13th are right).
    await expect(panel).not.toContainText(/(^|[^1\d])\d?[123]th percentile|[02-9][123]th percentile/)
    await expect(panel).not.toContainText('(s)')
    await look('person panel, how this is computed', 'words-how-computed')

    // A move with its reason: the log names the person and says the reason in words.
    const from = await calibration.boxOf(gap.employeeId)
    const to = from === 5 ? 4 : 5
    await calibration.dragTo(gap.employeeId, to)
    await calibration.dialog.getByLabel('Reason').selectOption('calibration-consensus')
    await calibration.confirmMove('The meeting agreed on it')
    await expect.poll(() => calibration.boxOf(gap.employeeId)).toBe(to)
    await page.getByText(/^Session log/).click()
    await expect(page.locator('.session-log li').first()).toContainText(
      `${gapPerson.fullName}: box ${from} → ${to}`,
    )
    await expect(page.locator('.session-log li').first()).toContainText(
      'consensus of the meeting: The meeting agreed on it',
    )
    await look('session log', 'words-log')

    // The Manager filter lists managers by name.
    const managerFilter = page.getByRole('group', { name: 'Filters' }).getByLabel('Manager')
    const managers = await managerFilter.locator('option').allTextContents()
    expect(managers.filter((m) => /^E\d+$/.test(m))).toEqual([])
    if (manager) {
      expect(managers).toContain(manager.fullName)
      await managerFilter.selectOption({ label: manager.fullName })
      await expect(page.getByTestId('filter-count')).toHaveText(/^\d+ of \d+ match$/)
    }
    await page.getByRole('group', { name: 'Filters' }).getByLabel('Flag').selectOption('COMPLIANCE_GAP')
    await look('filters', 'words-filters')
    await page.getByRole('button', { name: 'Clear' }).click()

    // The holding area and its to-do.
    const holding = page.locator('#holding-list')
    if ((await holding.count()) > 0) {
      await holding.getByRole('button').first().click()
      await look('holding area', 'words-holding')
    }

    // Blind mode: the manager is a pseudonym, the department is gone from the panel.
    await page.getByLabel('Blind').click()
    await expect(page.getByLabel('Blind')).toBeChecked()
    await calibration.grid.locator('[data-employee]').first().click()
    await expect(panel.getByTestId('panel-manager')).toHaveText(/^(M-\d{4}|no manager recorded)$/)
    await expect(panel).toContainText('Job title, department and location are hidden in blind mode.')
    await expect(panel.locator('dt', { hasText: 'Department' })).toHaveCount(0)
    if (manager) await expect(page.locator('body')).not.toContainText(manager.fullName)
    await look('blind mode', 'words-blind')
    await page.getByLabel('Blind').click()
    await expect(page.getByLabel('Blind')).not.toBeChecked()

    // The pre-read meant for people, read back (the results follow the finalize).
    const dir = mkdtempSync(join(tmpdir(), 'ninefold-e2e-words-books-'))
    const exported = async (button: string, file: string): Promise<void> => {
      const download = page.waitForEvent('download')
      await page.getByRole('button', { name: button }).click()
      const path = join(dir, file)
      await (await download).saveAs(path)
      const codes = await codesInBook(path)
      if (codes.length > 0) found[file] = codes
    }
    await exported('Export pre-read', 'pre-read.xlsx')

    // Fairness audit.
    await page.getByRole('button', { name: 'Fairness audit' }).click()
    await expect(page.getByRole('region', { name: 'Fairness audit' })).toBeVisible()
    await look('fairness audit')

    // Finalize: the summary first, then the lock.
    await page.getByRole('button', { name: 'Finalize' }).click()
    await expect(calibration.dialog).toContainText(/people not discussed yet/)
    await look('finalize summary', 'words-finalize-summary')
    await calibration.dialog.getByRole('button', { name: 'Finalize and lock' }).click()
    await expect(calibration.status).toHaveText('finalized')
    await look('finalized session', 'words-finalized')
    await exported('Export results', 'results.xlsx')

    // The other main screens.
    const nav = page.getByRole('navigation', { name: 'Main' })
    for (const screen of ['People', 'Import', 'Succession', 'Insights', 'Settings', 'Calibration']) {
      await nav.getByRole('button', { name: screen }).click()
      await expect(page.getByRole('heading').first()).toBeVisible()
      await look(screen)
      if (screen === 'Succession')
        for (const tab of ['Rules and outbox', 'Skills']) {
          await page.getByRole('tab', { name: new RegExp(tab) }).click()
          await look(`Succession: ${tab}`)
        }
    }

    expect(found).toEqual({})
    expect(problems).toEqual({})
  })
})
