import ExcelJS from 'exceljs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, makeDemoWorkspace, test } from './fixtures'
import { CalibrationPage } from './pages/CalibrationPage'

/** A sheet's rows from its header row on (found by its first column), as objects keyed by header; the first wins. */
function rowsOf(
  sheet: ExcelJS.Worksheet,
  first: string,
): { number: number; cells: Record<string, unknown> }[] {
  let header = 0
  sheet.eachRow((row, n) => {
    if (header === 0 && row.getCell(1).value === first) header = n
  })
  const headers = (sheet.getRow(header).values as unknown[]).map((v) => String(v ?? ''))
  const rows: { number: number; cells: Record<string, unknown> }[] = []
  for (let n = header + 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n)
    const cells: Record<string, unknown> = {}
    headers.forEach((h, i) => {
      if (i > 0 && h && !(h in cells)) cells[h] = row.getCell(i).value
    })
    rows.push({ number: n, cells })
  }
  return rows
}

/** Clicks a button that downloads a workbook and keeps the file under `path`. */
async function download(page: Page, button: string, path: string): Promise<ExcelJS.Workbook> {
  const coming = page.waitForEvent('download')
  await page.getByRole('button', { name: button }).click()
  await (await coming).saveAs(path)
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(path)
  return book
}

test.describe("managers' proposals", () => {
  const dir = mkdtempSync(join(tmpdir(), 'ninefold-e2e-proposals-'))
  const demo = makeDemoWorkspace(dir, 400)
  test.use({ hostArgs: ['--workspace', demo.path, '--key-file', demo.keyFile] })

  test('imports the pre-read managers filled in through the button, shows proposed and evidence boxes, and exports them beside the final box', async ({
    page,
    host,
  }) => {
    await page.goto(host.url)
    const calibration = new CalibrationPage(page)
    await calibration.startSession('Sales proposals', 'Sales')
    const panel = page.getByTestId('proposals')
    await expect(page.getByTestId('proposals-status')).toHaveText(
      'No proposals yet: export the pre-read, have managers fill in its Proposals sheet, then import it here.',
    )

    // The pre-read, as the facilitator sends it out; a manager fills in the tinted cells.
    const preRead = await download(page, 'Export pre-read', join(dir, 'pre-read.xlsx'))
    const sheet = preRead.getWorksheet('Proposals')
    if (!sheet) throw new Error('the pre-read has no Proposals sheet')
    const rows = rowsOf(sheet, 'Employee ID')
    const low = rows.find((r) => Number(r.cells['Evidence box']) <= 3)
    const middle = rows.find((r) => r !== low && Number(r.cells['Evidence box']) === 5)
    if (!low || !middle) throw new Error('nobody low or in the middle in Sales')
    const lowId = String(low.cells['Employee ID'])
    const middleId = String(middle.cells['Employee ID'])
    const cell = (row: number, header: string): ExcelJS.Cell =>
      sheet
        .getRow(row)
        .getCell(
          (sheet.getRow(rows[0] ? rows[0].number - 1 : 1).values as unknown[]).findIndex((v) => v === header),
        )
    cell(low.number, 'Proposed box').value = 9
    cell(low.number, 'Comment').value = 'Carried the Nordics launch'
    cell(middle.number, 'Proposed performance').value = 'high'
    cell(middle.number, 'Proposed potential').value = 'moderate'
    // Someone the data could not place (no evidence box) gets a proposal too.
    const held = rows.find((r) => r.cells['Evidence box'] === null)
    if (!held) throw new Error('nobody held in Sales')
    const heldId = String(held.cells['Employee ID'])
    cell(held.number, 'Proposed box').value = 4

    // First a slip: a box that does not exist. Nothing is imported, and the row and column are named.
    cell(middle.number, 'Proposed box').value = 12
    const bad = join(dir, 'Sales proposals (bad).xlsx')
    await preRead.xlsx.writeFile(bad)
    await panel.getByLabel('Import proposals').setInputFiles(bad)
    const outcome = page.getByTestId('proposals-outcome')
    await expect(outcome).toContainText(
      'Nothing was imported from Sales proposals (bad).xlsx: 1 problem to fix in the workbook.',
    )
    await expect(outcome).toContainText(
      `Proposals, row ${middle.number}, column "Proposed box", value "12": Not a box: give a whole number from 1 to 9.`,
    )
    await expect(outcome).toContainText('Fix these in the workbook and import it again.')
    await page.screenshot({ path: 'test-results/screens/proposals-refused.png', fullPage: true })
    await expect(page.getByTestId('proposals-status')).toContainText('No proposals yet')

    // Fixed and imported again: two proposals, said where they come from.
    cell(middle.number, 'Proposed box').value = null
    const good = join(dir, 'Sales proposals.xlsx')
    await preRead.xlsx.writeFile(good)
    await panel.getByLabel('Import proposals').setInputFiles(good)
    await expect(outcome).toHaveText('3 proposals imported from Sales proposals.xlsx.')
    await expect(page.getByTestId('proposals-status')).toContainText(
      '3 proposals from Sales proposals.xlsx, imported',
    )
    await expect(page.getByTestId('proposals-status')).toContainText('Undo takes the last import back.')

    // On the card and in the side panel: proposed by the manager, box 9, far from the evidence.
    const card = calibration.grid.locator('.name-card', { has: page.locator(`[data-employee="${lowId}"]`) })
    await expect(card.getByTestId('proposed')).toHaveText('proposed 9')
    await calibration.person(lowId).click()
    const proposal = page.getByTestId('panel-proposal')
    await expect(proposal).toContainText(/^Proposed by .+: box 9 — /)
    await expect(proposal).toContainText(`Evidence: box ${String(low.cells['Evidence box'])} — `)
    await expect(proposal).toContainText('Far from the evidence: worth talking about.')
    await expect(proposal).toContainText('Carried the Nordics launch')
    // The agenda puts them up with the reason in words.
    const agenda = page.getByTestId('agenda')
    await agenda.locator('summary').click()
    const more = agenda.getByRole('button', { name: /^Show \d+ more$/ })
    while ((await more.count()) > 0) await more.click()
    await expect(agenda.locator(`li[data-agenda="${lowId}"]`)).toContainText('proposal far from the evidence')
    await page.screenshot({ path: 'test-results/screens/proposals-imported.png', fullPage: true })
    await card.screenshot({ path: 'test-results/screens/proposals-card.png' })
    await page.locator('.person-panel').screenshot({ path: 'test-results/screens/proposals-panel.png' })

    // The held person is placed where their manager proposed, from the side panel.
    await page
      .getByRole('list', { name: 'People in the holding area' })
      .getByRole('button', { name: String(held.cells['Name']) })
      .click()
    await expect(page.getByTestId('panel-proposal')).toContainText(/^Proposed by .+: box 4 — /)
    await page.locator('.person-panel').screenshot({ path: 'test-results/screens/proposals-held.png' })
    await page.getByRole('button', { name: 'Place in box 4, as proposed' }).click()
    await calibration.confirmMove('Joined from a competitor; the manager vouches')
    await expect.poll(() => calibration.boxOf(heldId)).toBe(4)

    // The meeting moves the far one to box 6 and keeps the other; per manager, the table says so.
    await calibration.dragTo(lowId, 6)
    await calibration.confirmMove('Strong launch, but new in the role')
    await expect.poll(() => calibration.boxOf(lowId)).toBe(6)
    const managers = page.getByTestId('proposals-by-manager')
    await managers.locator('summary').click()
    await expect(managers.locator('tbody tr')).not.toHaveCount(0)
    await expect(managers).toContainText('Moved down')
    await page.screenshot({ path: 'test-results/screens/proposals-by-manager.png', fullPage: true })

    // Finalized, the results workbook carries the proposed, evidence and final boxes side by side.
    await page.getByRole('button', { name: 'Finalize' }).click()
    await calibration.dialog.getByRole('button', { name: 'Finalize and lock' }).click()
    await expect(calibration.status).toHaveText('finalized')
    const results = await download(page, 'Export results', join(dir, 'results.xlsx'))
    const placements = results.getWorksheet('Placements')
    if (!placements) throw new Error('no Placements sheet')
    const placed = new Map(
      rowsOf(placements, 'Employee ID').map((r) => [String(r.cells['Employee ID']), r.cells]),
    )
    expect(placed.get(lowId)).toMatchObject({
      'Proposed box': 9,
      'Evidence box': Number(low.cells['Evidence box']),
      'Final box': 6,
      'Proposal comment': 'Carried the Nordics launch',
    })
    expect(String(placed.get(lowId)?.['Final vs proposal'])).toMatch(/^down /)
    expect(placed.get(middleId)).toMatchObject({ 'Proposed box': 6, 'Final vs proposal': expect.any(String) })
    const byManager = results.getWorksheet('Proposals by manager')
    if (!byManager) throw new Error('no Proposals by manager sheet')
    const lines = rowsOf(byManager, 'Manager').map((r) => r.cells)
    // The held person placed as proposed counts as kept.
    expect(lines.reduce((n, l) => n + Number(l['Proposals']), 0)).toBe(3)
    expect(lines.reduce((n, l) => n + Number(l['Kept as proposed']), 0)).toBe(1)
    expect(lines.reduce((n, l) => n + Number(l['Moved down']), 0)).toBeGreaterThanOrEqual(1)

    // On the projector the proposal shows, the manager's comment and the proposals strip stay with the facilitator.
    await calibration.person(lowId).click()
    await page.getByLabel('Presenter').check()
    await expect(page.getByTestId('panel-proposal')).toContainText('box 9')
    await expect(page.getByTestId('panel-proposal')).not.toContainText('Carried the Nordics launch')
    await expect(panel).toBeHidden()
  })
})
