import ExcelJS from 'exceljs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, makeDemoWorkspace, test } from './fixtures'
import { CalibrationPage } from './pages/CalibrationPage'

test.describe('the fairness audit of a session', () => {
  const demo = makeDemoWorkspace(mkdtempSync(join(tmpdir(), 'ninefold-e2e-fair-')), 600)
  test.use({ hostArgs: ['--workspace', demo.path, '--key-file', demo.keyFile] })

  test('runs from the session, shows groups only there, hides in presenter mode, and exports', async ({
    page,
    host,
  }) => {
    await page.goto(host.url)
    const calibration = new CalibrationPage(page)
    await calibration.startSession('Whole company')
    // The grid never shows a sensitive attribute.
    await expect(page.locator('body')).not.toContainText('Part-time')

    await page.getByRole('button', { name: 'Fairness audit' }).click()
    const audit = page.getByRole('region', { name: 'Fairness audit' })
    await expect(audit.getByRole('tab', { name: /Gender/ })).toBeVisible()
    await audit.getByRole('tab', { name: /Work pattern/ }).click()
    await expect(audit.locator('[data-outcome="top-boxes-after"] svg[role="img"]')).toBeVisible()
    await expect(audit.getByRole('table', { name: 'Metric audit' })).toContainText('Part-time')
    await expect(audit.getByRole('table', { name: 'Metric audit' })).toContainText(
      /breadth of recent learning/,
    )
    await page.screenshot({ path: 'test-results/screens/fairness-audit.png', fullPage: true })

    // The table view of the same numbers.
    await audit.getByLabel('Show as tables').check()
    const table = audit.locator('[data-outcome="top-boxes-after"] table')
    await expect(table.locator('tbody tr')).toHaveCount(2)
    await expect(table).toContainText('Full-time')
    await audit.getByRole('table', { name: 'Metric audit' }).scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/screens/fairness-audit-tables.png', fullPage: true })

    const download = page.waitForEvent('download')
    await audit.getByRole('button', { name: 'Export for the works council' }).click()
    const file = join(mkdtempSync(join(tmpdir(), 'ninefold-e2e-fair-export-')), 'audit.xlsx')
    await (await download).saveAs(file)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(file)
    expect(String(book.getWorksheet('Adverse impact')?.getRow(1).getCell(1).value)).toMatch(
      /^Contains sensitive attributes/,
    )

    // On the projector the audit closes and cannot be opened.
    await page.getByLabel('Presenter').check()
    await expect(audit).toBeHidden()
    await expect(page.getByRole('button', { name: 'Fairness audit' })).toHaveCount(0)
    await expect(page.locator('body')).not.toContainText('Part-time')
  })
})
