import ExcelJS from 'exceljs'
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeHrisFiles } from '../support/hrisWorkbook'
import { expect, test } from './fixtures'

const ROOT = join(import.meta.dirname, '..', '..')

/** The real CLI, as a user would run it before opening the workspace in the browser. */
function ninefold(args: string[]): string {
  const result = spawnSync(process.execPath, [join(ROOT, 'out/main/cli.js'), ...args], { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`ninefold ${args.join(' ')} failed: ${result.stderr}`)
  return result.stdout
}

test.describe('export into the HRIS workbook from the browser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ninefold-e2e-into-'))
  const workspace = join(dir, 'workspaces', 'hris.ninefold')
  const keyFile = join(dir, 'hris.key')
  const files = { reviews: '', sessionName: 'HRIS 2025' }
  test.use({ hostArgs: ['--workspace', workspace, '--key-file', keyFile] })

  test.beforeAll(async () => {
    mkdirSync(join(dir, 'workspaces'))
    writeFileSync(keyFile, 'end to end test passphrase\n', { mode: 0o600 })
    const ws = ['--workspace', workspace, '--key-file', keyFile]
    const { peopleCsv, reviews } = await writeHrisFiles(dir, [
      { id: 'H1', name: 'Ada', rating: 'Middle', potential: 2, box: 5 },
      { id: 'H2', name: 'Ben', rating: 'Top', potential: 3, box: 9 },
      { id: 'H3', name: 'Cleo', rating: 'Bottom', potential: 1, box: 1 },
    ])
    files.reviews = reviews
    const mapping = join(dir, 'mapping.json')
    writeFileSync(
      mapping,
      JSON.stringify({
        sheet: 'Reviews',
        columns: {
          'Employee ID': 'employeeId',
          'Review cycle': 'cycle',
          'Overall rating': 'overallRating',
          Potential: 'potentialRating',
        },
      }),
    )
    ninefold(['workspace', 'create', ...ws])
    ninefold(['import', peopleCsv, '--as', 'people', ...ws])
    ninefold(['import', reviews, '--as', 'reviews', '--mapping', mapping, ...ws])
    const { sessionId } = JSON.parse(
      ninefold(['calibration', 'create', '--name', files.sessionName, '--cycle', '2025', ...ws, '--json']),
    ) as { sessionId: string }
    const shown = JSON.parse(ninefold(['calibration', 'show', sessionId, ...ws, '--json'])) as {
      placements: { employeeId: string; box: number }[]
    }
    const ada = shown.placements.find((p) => p.employeeId === 'H1')?.box ?? 5
    ninefold([
      'calibration',
      'move',
      sessionId,
      '--person',
      'H1',
      '--box',
      String(ada + 1),
      '--reason',
      'Led the platform migration',
      ...ws,
    ])
  })

  test('uploads the imported workbook and downloads it calibrated; a changed file is refused by name', async ({
    page,
    host,
  }) => {
    await page.goto(host.url)
    await page.getByRole('button', { name: 'Calibration' }).click()
    await page.getByRole('button', { name: files.sessionName }).click()
    await expect(page.locator('.nine-box')).toBeVisible({ timeout: 30_000 })

    const chooser = page.getByLabel('Export into the HRIS file…')
    const download = page.waitForEvent('download')
    await chooser.setInputFiles(files.reviews)
    const saved = join(dir, 'downloaded.xlsx')
    const file = await download
    expect(file.suggestedFilename()).toBe('HRIS reviews 2025 calibrated.xlsx')
    await file.saveAs(saved)
    await expect(
      page.getByRole('status').filter({ hasText: 'HRIS reviews 2025 calibrated.xlsx' }),
    ).toHaveText('Wrote HRIS reviews 2025 calibrated.xlsx: 3 people, 1 changed in calibration.')
    await page.screenshot({ path: 'test-results/screens/calibration-into.png' })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(saved)
    const sheet = book.getWorksheet('Reviews')
    expect(sheet?.getCell('D2').value).toBe('Top')
    expect([sheet?.getCell('J1').value, sheet?.getCell('K2').value, sheet?.getCell('L2').value]).toEqual([
      'Calibrated box',
      'Yes',
      'Led the platform migration',
    ])
    expect(book.getWorksheet('Notes')?.getCell('A1').value).toBe('Talent review 2025 — upload template')

    // The same name with other contents: the banner says it changed since its import.
    const edited = join(dir, 'edited', 'HRIS reviews 2025.xlsx')
    mkdirSync(join(dir, 'edited'))
    copyFileSync(files.reviews, edited)
    writeFileSync(edited, ' ', { flag: 'a' })
    await chooser.setInputFiles(edited)
    await expect(page.getByRole('alert')).toContainText(
      '"HRIS reviews 2025.xlsx" has changed since it was imported on',
    )
  })
})
