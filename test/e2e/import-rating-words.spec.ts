import ExcelJS from 'exceljs'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { ImportPage } from './pages/ImportPage'
import { PeoplePage } from './pages/PeoplePage'
import { WorkspacePage } from './pages/WorkspacePage'

const PEOPLE = [
  ['T001', 'Alice Smith', 'Strong', 'High'],
  ['T002', 'Bob Johnson', 'Solid', 'Medium'],
  ['T003', 'Carol Williams', 'Leading', 'High'],
  ['T004', 'David Lee', 'Solid', 'Low'],
  ['T005', 'Emma Davis', '', 'Medium'],
  ['T006', 'Frank Martinez', 'Solid', 'Low'],
]

/** A talent-review export as a calibration tool writes it: this year's rating in the company's own words. */
async function writeTalentReview(path: string, rows = PEOPLE): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Talent Review')
  sheet.addRow(['Employee ID', 'Worker', 'Performance', 'Potential'])
  for (const row of rows) sheet.addRow(row)
  await workbook.xlsx.writeFile(path)
}

test('rating words through the wizard: order unknown words, keep the known scale, save it, see it proposed again', async ({
  page,
  host,
}) => {
  const talent = join(host.dataDirectory, 'talent-review.xlsx')
  await writeTalentReview(talent)

  const welcome = new WorkspacePage(page)
  await welcome.goto(host.url)
  await welcome.create({ name: 'Words check', passphrase: 'a rating words passphrase' })
  await welcome.storeRecoveryKey()
  await new PeoplePage(page).expectLoaded(0)

  const importer = new ImportPage(page)
  await importer.open()
  // The same workbook gives the people first.
  await importer.dropFile(talent)
  await expect(importer.fieldFor('Worker')).toHaveValue('fullName')
  await importer.importButton.click()
  await expect(importer.result).toContainText('Imported')

  await page.getByLabel('Record kind').selectOption('reviews')
  await importer.dropFile(talent)
  const ratings = page.getByRole('region', { name: 'Ratings' })
  // Potential is in words Ninefold knows; performance is not, and importing waits until it is ordered.
  await expect(ratings.locator('[data-field="potentialRating"]')).toContainText(
    'Read as the scale Low / Medium / High (1–3)',
  )
  const performance = ratings.locator('[data-field="overallRating"]')
  await expect(performance).toContainText('These words are not a scale Ninefold knows')
  await expect(importer.issues).toContainText('holds rating words that are not a known scale')
  await expect(importer.importButton).toBeDisabled()
  const order = performance.getByRole('list', { name: /Order of the Overall rating words/ })
  // Most frequent first as found: Solid (3), Leading (1), Strong (1) → Solid, Strong, Leading.
  await expect(order.locator('li .word')).toHaveText(['Solid', 'Leading', 'Strong'])
  await performance.getByRole('button', { name: 'Move Strong up' }).click()
  await expect(order.locator('li .word')).toHaveText(['Solid', 'Strong', 'Leading'])
  await page.screenshot({ path: 'test-results/screens/import-rating-words-order.png', fullPage: true })
  await performance.getByRole('button', { name: 'Use this order (Solid lowest, Leading highest)' }).click()
  await expect(performance).toContainText('Read with the scale you chose, Solid / Strong / Leading (1–3)')
  await expect(ratings).toContainText('1 blank rating means')

  // No column names the cycle: the file's one cycle is asked for.
  await ratings.getByLabel('Review cycle of this file').fill('FY2025')
  await ratings.getByRole('button', { name: 'Use this cycle' }).click()
  await expect(importer.issues).toHaveCount(0)
  await page.getByLabel('Mapping name').fill('Talent tool')
  await page.getByRole('button', { name: 'Save mapping' }).click()
  await expect(page.getByTestId('mapping-profile')).toContainText('Talent tool')
  await page.screenshot({ path: 'test-results/screens/import-rating-words-ready.png', fullPage: true })
  await importer.importButton.click()
  await expect(importer.result).toContainText('Imported')
  await expect(importer.result).toContainText('5 rows: 5 added')

  // Next year's export from the same tool: the words' order comes back with the saved mapping.
  const next = join(host.dataDirectory, 'talent-review-2026.xlsx')
  await writeTalentReview(next, [['T001', 'Alice Smith', 'Leading', 'High']])
  await importer.dropFile(next)
  await expect(page.getByTestId('mapping-profile')).toContainText('Talent tool')
  await expect(ratings.locator('[data-field="overallRating"]')).toContainText(
    'Read with the scale you chose, Solid / Strong / Leading (1–3)',
  )
  await page.screenshot({ path: 'test-results/screens/import-rating-words-proposed.png', fullPage: true })
})
