import ExcelJS from 'exceljs'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { ImportPage } from './pages/ImportPage'
import { PeoplePage } from './pages/PeoplePage'
import { WorkspacePage } from './pages/WorkspacePage'

const HR_CSV = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'hr', 'HRDataset_v14.csv')

/**
 * A staff workbook built from the real HRDataset_v14 rows, laid out as HR exports are: a title row, a blank row,
 * the header on row 3, real date cells — and a "Work Email" column the HRIS filled with "n/a".
 */
async function writeStaffWorkbook(path: string): Promise<number> {
  const [header, ...lines] = readFileSync(HR_CSV, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
  const columns = (header ?? '').split(',')
  const at = (name: string): number => columns.indexOf(name)
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Staff')
  sheet.addRow(['Dental Magic — staff list (HR confidential)'])
  sheet.addRow([])
  sheet.addRow(['EmpID', 'Employee Name', 'Department', 'Date of Hire', 'Work Email'])
  let rows = 0
  for (const line of lines) {
    // The names are quoted ("Last, First"); split on commas outside quotes.
    const cells =
      line.match(/("([^"]*)"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')) ?? []
    const [m, d, y] = (cells[at('DateofHire')] ?? '').split('/').map(Number)
    sheet.addRow([
      cells[at('EmpID')],
      cells[at('Employee_Name')],
      cells[at('Department')],
      new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, d ?? 1)),
      'n/a',
    ])
    sheet.getCell(`D${sheet.rowCount}`).numFmt = 'yyyy-mm-dd'
    rows++
  }
  await workbook.xlsx.writeFile(path)
  return rows
}

test('drops a real xlsx, maps it, sees and fixes an error, imports, sees the people, undoes the batch', async ({
  page,
  host,
}) => {
  test.skip(!existsSync(HR_CSV), 'skipped: ../shared/data is not beside this checkout')
  const file = join(host.dataDirectory, 'staff-list.xlsx')
  const rows = await writeStaffWorkbook(file)
  expect(rows).toBe(311)

  const welcome = new WorkspacePage(page)
  await welcome.goto(host.url)
  await welcome.create({ name: 'Import check', passphrase: 'an import test passphrase' })
  await welcome.storeRecoveryKey()
  const people = new PeoplePage(page)
  await people.expectLoaded(0)

  const importer = new ImportPage(page)
  await importer.open()
  await importer.dropFile(file)

  // Header found under the title; columns suggested from their wording.
  await expect(page.getByLabel('Header row')).toHaveValue('3')
  await expect(importer.fieldFor('EmpID')).toHaveValue('employeeId')
  await expect(importer.fieldFor('Date of Hire')).toHaveValue('hireDate')
  await expect(importer.fieldFor('Work Email')).toHaveValue('email')
  // "n/a" is not an email address: the preview says so, per row and column, and importing is not offered: one
  // invalid row would stop the whole file, and the screen says why and what to do.
  await expect(importer.issues.getByText('not an email address').first()).toBeVisible()
  await expect(importer.issues.locator('li').first()).toContainText('Row 4, Work Email')
  await expect(importer.importButton).toBeDisabled()
  await expect(page.locator('#import-stop-reason')).toContainText(
    'one invalid row stops the whole import: fix them in the file, or import the valid rows only',
  )
  await page.screenshot({ path: 'test-results/screens/import-preview-error.png', fullPage: true })

  // Importing the valid rows only is offered: every row is invalid here, so nothing is stored, and the result says so.
  await page.getByLabel('Import the valid rows only (the others are listed, not stored)').check()
  await importer.importButton.click()
  await expect(importer.result).toBeInViewport()
  await expect(importer.result).toContainText('311 rejected')

  // Fix the mapping: the placeholder emails are not imported.
  await importer.dropFile(file)
  await importer.fieldFor('Work Email').selectOption('')
  await expect(importer.issues).toHaveCount(0)
  await expect(page.getByRole('table', { name: 'Rows as they will be stored' })).toContainText(
    'Adinolfi, Wilson K',
  )
  await page.getByLabel('Mapping name').fill('Dental Magic staff list')
  await page.getByRole('button', { name: 'Save mapping' }).click()
  await expect(page.getByTestId('mapping-profile')).toHaveText(
    'Using the saved mapping “Dental Magic staff list”',
  )
  await page.screenshot({ path: 'test-results/screens/import-preview-fixed.png', fullPage: true })
  await importer.importButton.click()
  await expect(importer.result).toContainText('Imported — staff-list.xlsx')
  await expect(importer.result).toContainText('311 added')
  await expect(page.getByTestId('workspace-name').locator('..')).toContainText('311 people')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'People' }).click()
  await people.expectLoaded(311)
  await people.search.fill('Adinolfi')
  await expect(people.bodyRows().first()).toContainText('Production')

  await importer.open()
  await expect(importer.history).toContainText('staff-list.xlsx')
  await page.screenshot({ path: 'test-results/screens/import-history.png', fullPage: true })
  await importer.history.getByRole('button', { name: 'Undo' }).click()
  await expect(importer.history.getByText('undone')).toBeVisible()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'People' }).click()
  await people.search.fill('')
  await people.expectLoaded(0)
})

const XAPI = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'xapi')

test('checks and imports xAPI statements from an LRS export, and shows why a broken one is refused', async ({
  page,
  host,
}) => {
  test.skip(!existsSync(XAPI), 'skipped: ../shared/data is not beside this checkout')
  const welcome = new WorkspacePage(page)
  await welcome.goto(host.url)
  await welcome.create({ name: 'xAPI check', passphrase: 'an xapi test passphrase' })
  await welcome.storeRecoveryKey()
  const importer = new ImportPage(page)
  await importer.open()
  await page.getByLabel('Record kind').selectOption('xapi')

  await importer.dropFile(join(XAPI, 'lrs-conformance-v1_0_3-statements', 'no_actor.json'))
  await page.getByRole('button', { name: 'Check statements' }).click()
  await expect(importer.result).toContainText('Nothing was imported')
  await expect(importer.result).toContainText('statement 1: actor is required')

  await page.getByRole('button', { name: 'Choose another file' }).click()
  await importer.dropFile(join(XAPI, 'datasim', 'tccc_dev_statements_array.json'))
  await page.getByRole('button', { name: 'Check statements' }).click()
  await expect(importer.result).toContainText('Dry run: nothing was stored')
  await expect(importer.result).toContainText('2,814 statements: 2,814 added')
  await page.getByRole('button', { name: 'Import statements' }).click()
  await expect(importer.result).toContainText('Imported — tccc_dev_statements_array.json')
  await expect(importer.result).toContainText('70 for people not in the workspace')
  await page.screenshot({ path: 'test-results/screens/import-xapi.png', fullPage: true })
})

test('asks which date order an ambiguous file uses, and imports it that way', async ({ page, host }) => {
  const file = join(host.dataDirectory, 'hires.csv')
  writeFileSync(file, 'Employee ID;Name;Hire Date\nA1;Ada;03/04/2021\nA2;Grace;05/06/2019\n')
  const welcome = new WorkspacePage(page)
  await welcome.goto(host.url)
  await welcome.create({ name: 'Dates', passphrase: 'a date order passphrase' })
  await welcome.storeRecoveryKey()
  const importer = new ImportPage(page)
  await importer.open()
  await importer.dropFile(file)
  await expect(page.getByRole('note')).toHaveText(
    'The dates could be day-first or month-first: choose which.',
  )
  await expect(importer.issues.locator('li').first()).toContainText('could be day/month or month/day')
  await page.getByLabel('Date format').selectOption('DD/MM/YYYY')
  await expect(importer.issues).toHaveCount(0)
  await expect(page.getByRole('table', { name: 'Rows as they will be stored' })).toContainText('2021-04-03')
  await importer.importButton.click()
  await expect(importer.result).toContainText('2 added')
})

test('links records that name an unknown learner to the right person by hand', async ({ page, host }) => {
  const people = join(host.dataDirectory, 'people.csv')
  writeFileSync(people, 'Employee ID,Full Name\nE1,Ada Lovelace\n')
  const learning = join(host.dataDirectory, 'lms.csv')
  writeFileSync(
    learning,
    'User ID,Course ID,Course Title,Status,Completion Date\nada.old,SEC-1,Security basics,Completed,2025-03-01\n',
  )
  const welcome = new WorkspacePage(page)
  await welcome.goto(host.url)
  await welcome.create({ name: 'Linking', passphrase: 'a linking test passphrase' })
  await welcome.storeRecoveryKey()
  const importer = new ImportPage(page)
  await importer.open()
  await importer.dropFile(people)
  await importer.importButton.click()
  await expect(importer.result).toContainText('1 added')

  await page.getByLabel('Record kind').selectOption('learning')
  await importer.dropFile(learning)
  await importer.importButton.click()
  await expect(importer.result).toContainText('1 for people not in the workspace')
  const waiting = page.getByRole('region', { name: 'Waiting for a person' })
  await expect(waiting).toContainText('ada.old')
  await waiting.getByLabel('Employee ID for ada.old').fill('E1')
  await page.screenshot({ path: 'test-results/screens/import-unmatched.png', fullPage: true })
  await waiting.getByRole('button', { name: 'Link' }).click()
  await expect(waiting).toHaveCount(0)
  await expect(importer.history).toContainText('linked “ada.old” to E1')
})
