import ExcelJS from 'exceljs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, makeDemoWorkspace, personInDemo, test } from './fixtures'
import { CalibrationPage } from './pages/CalibrationPage'

test.describe('erasing a person', () => {
  const demo = makeDemoWorkspace(mkdtempSync(join(tmpdir(), 'ninefold-e2e-erase-')), 300)
  const planted = demo.plantedCases[0]
  if (!planted) throw new Error('the demo planted no case')
  const target = personInDemo(demo, planted.employeeId)
  test.use({ hostArgs: ['--workspace', demo.path, '--key-file', demo.keyFile] })

  test('names them back before erasing, then they are gone from the people list and the calibration grid', async ({
    page,
    host,
  }) => {
    await page.goto(host.url)
    const calibration = new CalibrationPage(page)
    await calibration.startSession('Before the request', target.department)
    await expect(calibration.person(planted.employeeId)).toHaveCount(1)

    await page.getByRole('button', { name: 'People' }).click()
    await page.getByLabel('Search people').fill(planted.employeeId)
    await expect(page.getByTestId('people-count')).toHaveText('1 person')
    await page.getByRole('button', { name: 'Erase a person…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Erase a person' })
    await dialog.getByLabel('Employee ID').fill(planted.employeeId)
    await expect(dialog).toContainText(target.fullName)
    // First what they asked to see: everything held about them (art. 15).
    const download = page.waitForEvent('download')
    await dialog.getByRole('button', { name: 'Export everything held about them (art. 15)' }).click()
    const file = join(mkdtempSync(join(tmpdir(), 'ninefold-e2e-access-')), 'access.xlsx')
    await (await download).saveAs(file)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(file)
    expect(book.getWorksheet('Person')?.getRow(3).getCell(2).value).toBe(planted.employeeId)
    await dialog.getByLabel(/Reason/).fill('Erasure request of 2026-11-20')
    await expect(dialog.getByRole('button', { name: 'Erase' })).toBeDisabled()
    await dialog.getByLabel('I understand this cannot be undone').check()
    await page.screenshot({ path: 'test-results/screens/erase-person.png' })
    await dialog.getByRole('button', { name: 'Erase' }).click()
    await expect(dialog.getByRole('status')).toContainText(/Erased\. .* now read ERASED-/)
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect(page.getByTestId('people-count')).toHaveText('0 people')

    // The session they were in no longer has them, under any name.
    await page.getByRole('button', { name: 'Calibration' }).click()
    await page.getByRole('button', { name: 'Before the request' }).click()
    await expect(calibration.grid).toBeVisible()
    await expect(calibration.person(planted.employeeId)).toHaveCount(0)
    await expect(page.locator('body')).not.toContainText(target.fullName)

    // Quick find knows neither their name nor their id.
    for (const text of [target.fullName, planted.employeeId]) {
      await page.keyboard.press('Control+K')
      const find = page.getByRole('dialog', { name: 'Quick find' })
      await find.getByRole('combobox').fill(text)
      await expect(find).toContainText(`Nothing matches “${text}”.`)
      await page.keyboard.press('Escape')
    }

    // Insights: no journey, and not in their manager's team heatmap.
    await page.getByRole('button', { name: 'Insights' }).click()
    const journey = page.getByRole('region', { name: 'Person journey' })
    await journey.getByLabel('Journey employee ID').fill(planted.employeeId)
    await journey.getByRole('button', { name: 'Show' }).click()
    await expect(journey).toContainText(`There is no person ${planted.employeeId} in this workspace.`)
    const heatmap = page.getByRole('region', { name: 'Team heatmap' })
    // Their manager's team (unless they were its only member, when the manager is no longer offered at all).
    const team = heatmap.getByLabel('Manager').locator(`option[value="${target.managerId ?? ''}"]`)
    if ((await team.count()) > 0) {
      await heatmap.getByLabel('Manager').selectOption(target.managerId ?? '')
      await expect(heatmap.getByRole('table').first()).toBeVisible()
      await expect(heatmap).not.toContainText(planted.employeeId)
    }
    await expect(page.locator('body')).not.toContainText(target.fullName)
    await page.screenshot({ path: 'test-results/screens/erased-insights.png', fullPage: true })

    // Data retention from the workspace screen: preview, then purge with a reason.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Workspace' }).click()
    const retention = page.getByRole('region', { name: 'Data retention' })
    await retention.getByLabel('Older than years').fill('1')
    await retention.getByRole('button', { name: 'Preview' }).click()
    await expect(retention.getByRole('status')).toContainText(/\d+ learning records dated before/)
    await retention.getByLabel('Retention reason').fill('Retention policy HR-7')
    await retention.getByRole('button', { name: /^Purge \d+ record/ }).click()
    await expect(retention.getByRole('status')).toContainText(/^Removed \d+ record\(s\)/)
    await page.screenshot({ path: 'test-results/screens/retention.png', fullPage: true })

    const anonymised = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export anonymised workbook' }).click()
    const anonFile = join(mkdtempSync(join(tmpdir(), 'ninefold-e2e-anon-')), 'anon.xlsx')
    await (await anonymised).saveAs(anonFile)
    const anon = new ExcelJS.Workbook()
    await anon.xlsx.readFile(anonFile)
    expect(anon.worksheets.map((w) => w.name)).toEqual([
      'People',
      'Reviews',
      'Competency ratings',
      'Learning',
      'Promotions',
    ])
  })

  test('untagging a field for development takes it out of Insights; sensitive attributes cannot be tagged for calibration', async ({
    page,
    host,
  }) => {
    await page.goto(host.url)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click()
    const purposes = page.getByRole('region', { name: 'Field purposes' })
    await expect(purposes.getByLabel('Gender for Calibration')).toBeDisabled()
    await expect(purposes.getByLabel('Gender for Fairness audit')).toBeChecked()
    await purposes.getByLabel('Location for Development and insights').uncheck()
    await purposes.getByLabel('Purpose change reason').fill('Works council: no location analytics')
    await purposes.getByRole('button', { name: 'Save 1 change(s)' }).click()
    await expect(purposes.getByRole('status')).toContainText('Saved 1 field(s)')
    await expect(purposes.getByLabel('Location for Development and insights')).not.toBeChecked()
    await purposes.scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/screens/field-purposes.png', fullPage: true })

    await page.getByRole('button', { name: 'Insights' }).click()
    const program = page.getByRole('region', { name: 'Program trend' })
    await expect(program.getByRole('table', { name: 'Completion by segment' })).toBeVisible()
    await expect(program.getByLabel('Segment by').locator('option')).toHaveText([
      'Department',
      'Job level',
      'Manager',
    ])
    const density = page.getByRole('region', { name: 'Talent density' })
    await expect(density.getByLabel('Group by').locator('option')).toHaveText(['Department', 'Job level'])
  })
})
