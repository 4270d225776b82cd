import ExcelJS from 'exceljs'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'
import { readZipParts, writeZip } from '../support/zipWriter'

const tempDir = useTempDirs()

async function workbook(path: string, fill: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('Staff')
  sheet.addRow(['Employee ID', 'Full Name'])
  fill(sheet)
  await book.xlsx.writeFile(path)
  return path
}

/** Rewrites one entry's declared uncompressed size in the zip's central directory, as a zip bomb would claim. */
function declareHugeSheet(path: string): void {
  const bytes = readFileSync(path)
  const name = Buffer.from('xl/worksheets/sheet1.xml')
  for (let i = 0; i < bytes.length - 46; i++) {
    if (bytes.readUInt32LE(i) === 0x02014b50 && bytes.subarray(i + 46, i + 46 + name.length).equals(name)) {
      bytes.writeUInt32LE(0xf0000000, i + 24)
      writeFileSync(path, bytes)
      return
    }
  }
  throw new Error('sheet1.xml not found in the central directory')
}

describe('hostile and broken input', () => {
  let services: Services
  let client: Client
  const commit = (path: string) =>
    client.call('import.commit', { path, kind: 'people' }).catch((error: unknown) => error)

  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Hostile', passphrase: PASSPHRASE })
  })
  afterEach(() => services.dispose())

  it('refuses a zip that declares an absurd inflation ratio before any parser runs', async () => {
    const path = await workbook(join(tempDir(), 'bomb.xlsx'), (s) => s.addRow(['E1', 'Ada']))
    declareHugeSheet(path)
    expect(await commit(path)).toMatchObject({
      code: 'FILE_UNREADABLE',
      details: { reason: 'SUSPICIOUS_ARCHIVE' },
    })
  })

  it('counts the bytes it inflates: a part holding more than its zip directory declares is refused', async () => {
    const honest = await workbook(join(tempDir(), 'honest.xlsx'), (s) => s.addRow(['E1', 'Ada']))
    const parts = readZipParts(honest)
    const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')
    if (!sheet) throw new Error('no sheet1.xml')
    // 64 MB of whitespace inside the sheet (legal XML) deflates to ~64 KB and would otherwise import fine.
    const xml = sheet.data.toString('utf8')
    sheet.declaredSize = sheet.data.length
    sheet.data = Buffer.from(xml.replace('</worksheet>', `${' '.repeat(64 * 1024 * 1024)}</worksheet>`))
    const bomb = join(tempDir(), 'bomb-that-lies.xlsx')
    writeZip(bomb, parts)
    const error = await commit(bomb)
    expect(error).toMatchObject({ code: 'FILE_UNREADABLE', details: { reason: 'SUSPICIOUS_ARCHIVE' } })
    expect((error as Error).message).toContain('xl/worksheets/sheet1.xml inflates past')
    const people = await client.call('people.list', { offset: 0, limit: 10 })
    expect(people.total).toBe(0)
    // Without the padding, the same rewritten parts are a workbook like any other: the lie is what was refused.
    sheet.declaredSize = undefined
    sheet.data = Buffer.from(xml)
    const rebuilt = join(tempDir(), 'rebuilt.xlsx')
    writeZip(rebuilt, parts)
    expect(await commit(rebuilt)).toMatchObject({ outcome: 'stored', rows: { inserted: 1 } })
  })

  it('refuses a sheet with more rows than Excel allows', async () => {
    const path = await workbook(join(tempDir(), 'rows.xlsx'), (s) => {
      s.getRow(1_048_577).values = ['E1', 'Ada']
    })
    const error = await commit(path)
    expect(error).toMatchObject({ code: 'FILE_UNREADABLE', details: { reason: 'TOO_MANY_ROWS' } })
    expect((error as Error).message).toContain('more than 1,048,576 rows')
  })

  it('refuses a cell longer than Excel allows, naming its row and column', async () => {
    const path = await workbook(join(tempDir(), 'long.xlsx'), (s) => s.addRow(['E1', 'x'.repeat(40_000)]))
    const error = await commit(path)
    expect(error).toMatchObject({ code: 'FILE_UNREADABLE', details: { reason: 'CELL_TOO_LONG' } })
    expect((error as Error).message).toContain('row 2, column 2')
  })

  it('refuses NUL bytes and text pretending to be a workbook', async () => {
    const nul = join(tempDir(), 'nul.csv')
    writeFileSync(nul, Buffer.from('Employee ID,Full Name\n1,A\u0000da\n'))
    expect(await commit(nul)).toMatchObject({ details: { reason: 'NOT_TEXT' } })
    const fake = join(tempDir(), 'fake.xlsx')
    writeFileSync(fake, 'Employee ID,Full Name\n1,Ada\n')
    expect(await commit(fake)).toMatchObject({ details: { reason: 'NOT_XLSX' } })
    expect((services.session.db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n).toBe(0)
  })
})
