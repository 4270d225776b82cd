import ExcelJS from 'exceljs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, makeDemoWorkspace, test } from './fixtures'

const demo = makeDemoWorkspace(mkdtempSync(join(tmpdir(), 'ninefold-e2e-succession-')), 600)
test.use({ hostArgs: ['--workspace', demo.path, '--key-file', demo.keyFile] })

test('defines a role, ranks candidates with their gaps, overrides a readiness and exports the report', async ({
  page,
  host,
}) => {
  await page.goto(host.url)
  await page.getByRole('button', { name: 'Succession' }).click()
  const roles = page.getByRole('table', { name: 'Critical roles' })
  await expect(roles.getByRole('row')).toHaveCount(7)
  // A role nobody is ready for is marked.
  await expect(roles.locator('tr.no-successor').first()).toBeVisible()

  await page.getByRole('button', { name: 'New critical role' }).click()
  const form = page.getByRole('form', { name: 'New critical role' })
  await form.getByLabel('Title').fill('Head of Platform')
  await form.getByLabel('Required skill 1').selectOption('Cloud Architecture')
  await form.getByLabel('Minimum level 1').selectOption('4')
  await form.getByRole('button', { name: '+ Add a skill' }).click()
  await form.getByLabel('Required skill 2').selectOption('Project Management')
  await form.getByLabel('Minimum level 2').selectOption('4')
  await form.getByRole('button', { name: 'Add role' }).click()

  const candidates = page.getByRole('region', { name: 'Candidates for Head of Platform' })
  await expect(candidates.locator('tbody tr')).toHaveCount(15)
  // Few engineers hold project management at 4: their gap names the certification that would close it.
  await expect(candidates.getByText(/Closed by: .*Project Management Professional/).first()).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/succession.png', fullPage: true })

  const first = candidates.locator('tbody tr').first()
  await first.getByRole('combobox').selectOption('ready-3-plus')
  await first.getByPlaceholder('Reason (logged)').fill('Moving abroad next spring')
  await first.getByRole('button', { name: 'Set' }).click()
  await expect(candidates.getByText('Moving abroad next spring')).toBeVisible()

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export succession report' }).click()
  const file = join(mkdtempSync(join(tmpdir(), 'ninefold-e2e-succession-export-')), 'report.xlsx')
  await (await download).saveAs(file)
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(file)
  expect(book.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Overview', 'Pools', 'Legend']))
  const platform = book.worksheets.find((s) => s.name.endsWith('Head of Platform'))
  expect(platform?.getCell('A1').value).toBe('Head of Platform')
  expect(
    platform?.getRows(8, 15)?.some((r) => String(r.getCell(12).value).includes('Moving abroad next spring')),
  ).toBe(true)
})
