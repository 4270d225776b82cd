import ExcelJS from 'exceljs'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

/** A staff list the way HR exports them: a title, a blank row, the header on row 3, real date cells, a formula. */
async function writeStaffWorkbook(
  path: string,
  options: { errorCell?: boolean; date1904?: boolean } = {},
): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  if (options.date1904) workbook.properties.date1904 = true
  workbook.addWorksheet('Read me').addRow(['This sheet explains the columns.'])
  const sheet = workbook.addWorksheet('Staff')
  sheet.addRow(['Staff list — Q3 (confidential)'])
  sheet.addRow([])
  sheet.addRow(['Employee ID', 'Full Name', 'Department', 'Hire Date', 'Job Level', 'Manager ID'])
  sheet.addRow(['A-001', 'Ada Lovelace', 'Engineering', new Date(Date.UTC(2019, 2, 4)), 4, null])
  sheet.addRow([
    'A-002',
    'Grace Hopper',
    'Engineering',
    new Date(Date.UTC(2021, 10, 30)),
    { formula: '2+1', result: 3 },
    'A-001',
  ])
  sheet.addRow([
    'A-003',
    'Katherine Johnson',
    'Research',
    options.errorCell ? { error: '#N/A' } : new Date(Date.UTC(2020, 0, 15)),
    3,
    'A-001',
  ])
  sheet.getCell('D4').numFmt = 'yyyy-mm-dd'
  sheet.getCell('D5').numFmt = 'yyyy-mm-dd'
  sheet.getCell('D6').numFmt = 'yyyy-mm-dd'
  await workbook.xlsx.writeFile(path)
}

describe('importing xlsx workbooks', () => {
  let services: Services
  let client: Client
  let dataDir: string

  beforeEach(async () => {
    dataDir = tempDir()
    services = testServices(dataDir)
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Xlsx', passphrase: PASSPHRASE })
  })
  afterEach(() => services.dispose())

  it('lists sheets, finds the header under the title, and imports real dates and formula results', async () => {
    const file = join(tempDir(), 'staff.xlsx')
    await writeStaffWorkbook(file)
    const preview = await client.call('import.preview', {
      path: file,
      kind: 'people',
      mapping: { sheet: 'Staff' },
    })
    expect(preview.sheets.map((s) => s.name)).toEqual(['Read me', 'Staff'])
    expect(preview.headerRow).toBe(3)
    expect(preview.rows[0]?.values).toMatchObject({
      employeeId: 'A-001',
      hireDate: '2019-03-04',
      // A job level is text as given (its rank, 4, is stored beside it).
      jobLevel: '4',
    })

    const result = await client.call('import.commit', {
      path: file,
      kind: 'people',
      mapping: { sheet: 'Staff' },
    })
    expect(result).toMatchObject({ outcome: 'stored', rows: { total: 3, inserted: 3 } })
    expect(
      services.session.db
        .prepare("SELECT job_level, hire_date, manager_id FROM people WHERE employee_id = 'A-002'")
        .get(),
    ).toEqual({
      job_level: 3,
      hire_date: '2021-11-30',
      manager_id: 'A-001',
    })
  })

  it('reports an Excel error cell by sheet, row and column, and stores nothing', async () => {
    const file = join(tempDir(), 'staff-error.xlsx')
    await writeStaffWorkbook(file, { errorCell: true })
    const result = await client.call('import.commit', {
      path: file,
      kind: 'people',
      mapping: { sheet: 'Staff' },
    })
    expect(result.outcome).toBe('rejected')
    expect(result.errors).toEqual([
      {
        sheet: 'Staff',
        row: 6,
        column: 'Hire Date',
        value: '#N/A',
        code: 'EXCEL_ERROR',
        message: 'the cell holds the Excel error #N/A',
        text: { key: 'import.issues.excelError', params: { error: '#N/A' } },
      },
    ])
    expect(services.session.db.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 0 })
  })

  it('names the sheets when asked for one that does not exist', async () => {
    const file = join(tempDir(), 'staff.xlsx')
    await writeStaffWorkbook(file)
    await expect(
      client.call('import.commit', { path: file, kind: 'people', mapping: { sheet: 'People' } }),
    ).rejects.toThrow('staff.xlsx has no sheet "People". Its sheets: Read me, Staff.')
  })

  it('leaves no spooled sheet XML behind in the private temp folder or the OS temp folder', async () => {
    const file = join(tempDir(), 'staff.xlsx')
    await writeStaffWorkbook(file)
    await client.call('import.commit', { path: file, kind: 'people', mapping: { sheet: 'Staff' } })
    const spoolBase = join(dataDir, 'tmp', 'import-spool')
    const leftovers = existsSync(spoolBase) ? readdirSync(spoolBase, { recursive: true }) : []
    expect(leftovers.filter((f) => String(f).includes('parse-'))).toEqual([])
  })
})
