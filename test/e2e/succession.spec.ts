import ExcelJS from 'exceljs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, makeDemoWorkspace, test } from './fixtures'

const demo = makeDemoWorkspace(mkdtempSync(join(tmpdir(), 'ninefold-e2e-succession-')), 600)
test.use({ hostArgs: ['--workspace', demo.path, '--key-file', demo.keyFile] })

test('defines a role, ranks candidates with their gaps, overrides a readiness, closes gaps, applies a rule and exports the report', async ({
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

  // Close the gaps of the next two candidates: assignments go to the outbox.
  const rows = candidates.locator('tbody tr')
  await rows.nth(1).getByRole('checkbox').check()
  await rows.nth(2).getByRole('checkbox').check()
  await candidates.getByRole('button', { name: 'Close gaps for the selected (2)' }).click()
  await expect(candidates.getByRole('status')).toHaveText(/^2 assignments written to the outbox/)

  // Rules and outbox: the two assignments plus the demo's five, then a rule previewed and applied.
  await page.getByRole('tab', { name: 'Rules and outbox' }).click()
  await expect(page.getByTestId('outbox-count')).toHaveText('7 actions')
  await expect(page.getByRole('region', { name: 'Outbox' })).toContainText('Close the')
  await page.getByRole('region', { name: 'Rules' }).getByRole('button', { name: 'Preview' }).first().click()
  const preview = page.getByRole('region', { name: 'Rule preview' })
  await expect(preview).toContainText('people match (nothing written yet)')
  await expect(preview).toContainText(/Project Management \d < 3/)
  await preview.getByRole('button', { name: 'Apply: write the actions to the outbox' }).click()
  await expect(preview).toContainText(/actions? written/)
  await expect(page.getByTestId('outbox-count')).not.toHaveText('7 actions')
  await page.screenshot({ path: 'test-results/screens/rules-outbox.png', fullPage: true })
  // The ontology: aliases shown, and a new one added.
  await page.getByRole('tab', { name: 'Skills' }).click()
  const ontology = page.getByRole('table', { name: 'Skills ontology' })
  const cloud = ontology.getByRole('row').filter({ hasText: 'Cloud Architecture' })
  await expect(cloud).toContainText('Cloud Arch, Solution Architecture')
  await cloud.getByLabel('New alias for Cloud Architecture').fill('Cloud Design')
  await cloud.getByLabel('New alias for Cloud Architecture').press('Enter')
  await expect(cloud).toContainText('Cloud Arch, Cloud Design, Solution Architecture')
  await page.screenshot({ path: 'test-results/screens/skills.png', fullPage: true })
  await page.getByRole('tab', { name: 'Critical roles' }).click()

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
