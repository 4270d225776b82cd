import { copyFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Cell } from '../../src/core/import/cells'
import { openTable } from '../../src/main/import/openTable'
import type { SourceRow } from '../../src/main/import/readers/types'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import type { Services } from '../../src/main/services/createServices'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { describeWithSharedData, sharedFile } from '../support/sharedData'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'xlsx-writers')

const HEADER = [
  'Text',
  'Rich',
  'Number',
  'Boolean',
  'Date',
  'DateTime',
  'Formula',
  'Error',
  'Gap',
  'Unicode',
  'Special',
]
const row = (formula: Cell): Cell[] => [
  'Ada Lovelace',
  'bold and plain',
  42.5,
  true,
  new Date(Date.UTC(2024, 1, 29)),
  new Date(Date.UTC(2024, 2, 1, 13, 45, 30)),
  formula,
  { error: '#N/A' },
  null,
  'Zażółć gęślą jaźń ☃ 日本',
  'A & B < C > D\nnext line',
]
/** openpyxl 3.0 saves a formula without its value (Excel computes it on opening); every other writer saves 85. */
const NO_SAVED_VALUE = { error: 'formula without a saved value' }
const EXPECTED: Record<string, Cell[]> = {
  'exceljs.xlsx': row(85),
  'libreoffice.xlsx': row(85),
  'poi-inline-strings.xlsx': row(85),
  'prefixed-shared-strings-1904.xlsx': row(85),
  'openpyxl.xlsx': row(NO_SAVED_VALUE),
  'openpyxl-write-only.xlsx': row(NO_SAVED_VALUE),
  'openpyxl-iso-dates.xlsx': row(NO_SAVED_VALUE),
}

async function readAll(path: string, sheet: string | null = null): Promise<SourceRow[]> {
  const rows: SourceRow[] = []
  for await (const r of openTable(path, { spoolRoot: tempDir() }).rows(sheet)) rows.push(r)
  return rows
}

describe('workbooks from every writer read the same', () => {
  it('has an expectation for every fixture workbook in the folder', () => {
    expect(
      readdirSync(FIXTURES)
        .filter((f) => f.endsWith('.xlsx'))
        .sort(),
    ).toEqual(Object.keys(EXPECTED).sort())
  })

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: header and cells typed as written`, async () => {
      const table = openTable(join(FIXTURES, file), { spoolRoot: tempDir() })
      expect(table.sheets.map((s) => s.name)).toEqual(['People'])
      expect(await readAll(join(FIXTURES, file))).toEqual([
        { row: 1, cells: HEADER },
        { row: 2, cells: expected },
      ])
    })
  }
})

describe('workbooks we recognise but do not read', () => {
  const refusal = (path: string) => {
    try {
      openTable(path, { spoolRoot: tempDir() })
    } catch (error) {
      return error as Error & { details?: { reason?: string } }
    }
    throw new Error(`${path} opened`)
  }

  it('refuses an Excel 97–2003 .xls, also renamed .xlsx, saying how to save it as .xlsx', () => {
    const renamed = join(tempDir(), 'staff.xlsx')
    copyFileSync(join(FIXTURES, 'libreoffice.xls'), renamed)
    for (const path of [join(FIXTURES, 'libreoffice.xls'), renamed]) {
      const error = refusal(path)
      expect(error.details?.reason).toBe('LEGACY_XLS')
      expect(error.message).toContain('old Excel 97–2003 workbook (.xls)')
      expect(error.message).toContain('Save As › Excel Workbook (.xlsx)')
    }
  })

  it('refuses an OpenDocument .ods, also renamed .xlsx, saying how to save it as .xlsx', () => {
    const renamed = join(tempDir(), 'staff.xlsx')
    copyFileSync(join(FIXTURES, 'libreoffice.ods'), renamed)
    for (const path of [join(FIXTURES, 'libreoffice.ods'), renamed]) {
      const error = refusal(path)
      expect(error.details?.reason).toBe('ODS_WORKBOOK')
      expect(error.message).toContain('OpenDocument spreadsheet (.ods)')
      expect(error.message).toContain('LibreOffice Calc choose File › Save As › Excel 2007–365 (.xlsx)')
    }
  })
})

/** The header 9boxer's Workday-shaped exports start with; every string in them is an inline string. */
const NINEBOXER_HEADER_START = ['Employee ID', 'Worker', 'Business Title']

describeWithSharedData('the shared real workbooks, through openTable and the parse worker', () => {
  it('reads every sheet of every exceljs fixture, refusing only the two broken ones', async () => {
    const refused: Record<string, string> = {}
    for (const file of readdirSync(sharedFile('xlsx/exceljs'))) {
      try {
        const table = openTable(sharedFile(`xlsx/exceljs/${file}`), { spoolRoot: tempDir() })
        for (const sheet of table.sheets) await readAll(table.path, sheet.name)
      } catch (error) {
        // openTable refuses with an AppError (details.reason); the parse worker with a FileFormatError (code).
        const { details, code } = error as { details?: { reason?: string }; code?: string }
        refused[file] = details?.reason ?? code ?? String(error)
      }
    }
    expect(refused).toEqual({ 'invalid-xml.xlsx': 'CORRUPT_FILE', 'missing-bits.xlsx': 'NOT_XLSX' })
  }, 180_000) // a parse worker per sheet (13 of them), each started through tsx: slow on a busy machine

  it('reads dates in the 1904 system and formulas cached as #REF!', async () => {
    expect(await readAll(sharedFile('xlsx/exceljs/1904.xlsx'), 'Sheet1')).toContainEqual({
      row: 4,
      cells: [null, new Date(Date.UTC(1904, 0, 1))],
    })
    const errors = (await readAll(sharedFile('xlsx/exceljs/test-issue-880.xlsx'), 'A')).filter((r) =>
      r.cells.some((c) => typeof c === 'object' && c !== null && 'error' in c),
    )
    expect(errors.map((r) => r.cells)).toEqual([
      [{ error: '#REF!' }],
      [{ error: '#REF!' }],
      [{ error: '#REF!' }],
      [{ error: '#REF!' }],
    ])
  })

  it('lists the sheets of the 9boxer exports', () => {
    const sheets = (file: string) =>
      openTable(sharedFile(`xlsx/9boxer/${file}`), { spoolRoot: tempDir() }).sheets.map((s) => s.name)
    expect(sheets('multiple_sheets.xlsx')).toEqual(['Summary', 'Employee Data', 'Old Data', 'Archived'])
    expect(sheets('sample-employees.xlsx')).toEqual(['Employees'])
    for (const file of readdirSync(sharedFile('xlsx/9boxer')).filter((f) => f !== 'sample-employees.xlsx')) {
      expect(sheets(file)).toContain('Employee Data')
    }
  })

  it('reads the header and the inline-string data rows of every 9boxer export', async () => {
    const dataRows: Record<string, number> = {}
    for (const file of readdirSync(sharedFile('xlsx/9boxer'))) {
      const sheet = file === 'sample-employees.xlsx' ? 'Employees' : 'Employee Data'
      const rows = await readAll(sharedFile(`xlsx/9boxer/${file}`), sheet)
      expect(rows[0]?.cells.slice(0, 3)).toEqual(
        file === 'sample-employees.xlsx' ? ['Employee ID', 'Worker', 'Performance'] : NINEBOXER_HEADER_START,
      )
      dataRows[file] = rows.slice(1).filter((r) => r.cells.length > 0).length
    }
    expect(dataRows).toMatchObject({ 'empty_file.xlsx': 0, 'sample-employees.xlsx': 15, 'formulas.xlsx': 3 })
    expect(Object.entries(dataRows).filter(([file, n]) => file !== 'empty_file.xlsx' && n === 0)).toEqual([])
    const sample = await readAll(sharedFile('xlsx/9boxer/sample-employees.xlsx'), 'Employees')
    expect(sample[1]?.cells.slice(0, 7)).toEqual([
      '001',
      'Alice Smith',
      'High',
      'High',
      'IC',
      'Senior Engineer',
      'David Chen',
    ])
  }, 180_000) // a parse worker per file (12 reads), each started through tsx

  it('reads formulas.xlsx as saved: its computed columns hold values (openpyxl wrote no <f> in this export)', async () => {
    const rows = await readAll(sharedFile('xlsx/9boxer/formulas.xlsx'), 'Employee Data')
    expect(
      rows.slice(1).map((r) => [r.cells[0], r.cells[1], r.cells[13], r.cells.at(-2), r.cells.at(-1)]),
    ).toEqual([
      [1, 'Employee 1', new Date(Date.UTC(2020, 0, 1)), 'High', 'Medium'],
      [2, 'Employee 2', new Date(Date.UTC(2020, 0, 1)), 'High', 'Medium'],
      [3, 'Employee 3', new Date(Date.UTC(2020, 0, 1)), 'High', 'Medium'],
    ])
  })

  describe('through the import preview', () => {
    let services: Services
    let client: Client
    beforeEach(async () => {
      services = testServices(tempDir())
      client = createClient(createInProcessTransport(services))
      await client.call('workspace.create', { name: 'Nine box', passphrase: PASSPHRASE })
    })
    afterEach(() => services.dispose())

    it('finds the header row of a Workday-shaped export instead of NO_HEADER_ROW', async () => {
      const preview = await client.call('import.preview', {
        path: sharedFile('xlsx/9boxer/multiple_sheets.xlsx'),
        kind: 'people',
        mapping: { sheet: 'Employee Data' },
      })
      expect(preview.issues.map((i) => i.code)).not.toContain('NO_HEADER_ROW')
      expect(preview.headerRow).toBe(1)
      expect(preview.headers.slice(0, 3)).toEqual(NINEBOXER_HEADER_START)
      expect(preview.columns.find((c) => c.header === 'Worker')?.samples).toEqual(['Alice Smith'])
    })
  })
})
