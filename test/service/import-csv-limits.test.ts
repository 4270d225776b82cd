import ExcelJS from 'exceljs'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeXlsx } from '../../src/main/export/xlsxWriter'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import type { AppError } from '../../src/shared/result'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

/** What a spreadsheet cannot hold is refused on the way in and cut on the way out, never stored half-broken. */
describe('CSV input that a spreadsheet could not hold', () => {
  let services: Services
  let client: Client
  let dir: string
  const refusal = async (path: string): Promise<AppError> =>
    (await client.call('import.commit', { path, kind: 'people' }).then(
      () => null,
      (e: unknown) => e,
    )) as AppError

  beforeEach(async () => {
    dir = tempDir()
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Limits', passphrase: PASSPHRASE })
  })
  afterEach(() => services.dispose())

  it('refuses a cell over 32,767 characters like the workbook path, naming row and column, and stores nothing', async () => {
    const path = join(dir, 'long.csv')
    writeFileSync(path, `Employee ID,Name\nE1,Ann\nE2,${'x'.repeat(40_000)}\n`)
    const error = await refusal(path)
    expect(error.code).toBe('FILE_UNREADABLE')
    expect(error.details).toMatchObject({ reason: 'CELL_TOO_LONG' })
    expect(error.message).toContain(
      'Row 3, column 2 ("Name"): 40,000 characters; Excel\'s limit is 32,767, so the value could never be exported again.',
    )
    expect(services.session.db.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 0 })
  })

  it('refuses UTF-16 with a broken surrogate pair, naming the row, instead of storing U+FFFD', async () => {
    const path = join(dir, 'broken-utf16.csv')
    const text = Buffer.from('Employee ID\tName\r\nE1\tAnn\r\nE2\tB\uD83Dob\r\n', 'utf16le')
    // Make the high surrogate (D83D) stand alone: the low half that would follow it is not there.
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), text]))
    const error = await refusal(path)
    expect(error.details).toMatchObject({ reason: 'NOT_TEXT' })
    expect(error.message).toContain('row 3 holds a broken character (half of a surrogate pair)')
    expect(services.session.db.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 0 })

    // The same file, whole, imports: strictness costs nothing for valid UTF-16.
    const whole = join(dir, 'utf16.csv')
    writeFileSync(
      whole,
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('Employee ID\tName\r\nE1\tAnn 😀\r\n', 'utf16le'),
      ]),
    )
    expect((await client.call('import.commit', { path: whole, kind: 'people' })).outcome).toBe('stored')
  })

  it('an export never writes a cell over Excel’s limit: longer text is cut with a visible mark', async () => {
    const path = join(dir, 'export.xlsx')
    await writeXlsx(path, [
      {
        name: 'Notes',
        columns: [{ header: 'Note', width: 40 }],
        rows: [['y'.repeat(40_000)], ['=HYPERLINK("http://evil")'], ['short']],
      },
    ])
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(path)
    const sheet = workbook.getWorksheet('Notes')
    const long = String(sheet?.getCell('A2').value)
    expect(long).toHaveLength(32_767)
    expect(long.endsWith('…')).toBe(true)
    expect(sheet?.getCell('A3').value).toBe('\'=HYPERLINK("http://evil")')
    expect(sheet?.getCell('A4').value).toBe('short')
  })
})
