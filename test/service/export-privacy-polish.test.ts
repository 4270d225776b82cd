import ExcelJS from 'exceljs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { sensitiveNotice } from '../../src/main/export/sensitiveNotice'
import { exportSubjectAccess } from '../../src/main/services/privacy/subjectAccess'
import { writeAnonymisedExport } from '../../src/main/services/privacy/anonymisedExport'
import type { Client } from '../../src/shared/rpc/client'
import { demoWorkspace } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()
// The test clock's day, as the handlers pass it.
const AS_OF = '2026-11-01'

type Sheets = Map<string, string[][]>
async function sheetsOf(file: string): Promise<Sheets> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(file)
  const sheets: Sheets = new Map()
  for (const sheet of book.worksheets) {
    const rows: string[][] = []
    sheet.eachRow((row) => {
      const cells: string[] = []
      row.eachCell({ includeEmpty: true }, (cell) => cells.push(String(cell.value)))
      rows.push(cells)
    })
    sheets.set(sheet.name, rows)
  }
  return sheets
}
const withoutNotice = (sheets: Sheets): string[][][] => [...sheets.values()].map((rows) => rows.slice(1))

describe('privacy exports in Polish', () => {
  let services: Services
  let client: Client
  let dir: string

  beforeEach(async () => {
    dir = tempDir()
    ;({ services, client } = await demoWorkspace(dir, {
      name: 'Polish exports',
      people: 200,
      seed: 5,
      ports: { onInternalError: (_m, e) => console.error(e) },
    }))
  })
  afterEach(() => services.dispose())

  it('writes the sensitive-data notice in the chosen language, English by default', () => {
    expect(sensitiveNotice(['gender'], 'for the audit')).toBe(
      'Contains sensitive attributes (gender): for the audit',
    )
    expect(sensitiveNotice(['płeć'], 'do audytu', 'pl')).toBe('Zawiera atrybuty wrażliwe (płeć): do audytu')
  })

  it('names the subject access sheets and notice in Polish, keeps the records as stored, and leaves English as it was', async () => {
    const employeeId = (
      services.session.reader
        .prepare(
          `SELECT employee_id AS id FROM people p WHERE EXISTS (SELECT 1 FROM reviews r WHERE r.person_id = p.id)
             AND EXISTS (SELECT 1 FROM learning_records l WHERE l.person_id = p.id) ORDER BY id LIMIT 1 OFFSET 10`,
        )
        .get() as { id: string }
    ).id
    const viaService = join(dir, 'access-service.xlsx')
    const english = join(dir, 'access-en.xlsx')
    const polish = join(dir, 'access-pl.xlsx')
    await exportSubjectAccess(services.session.reader, employeeId, english, AS_OF)
    await exportSubjectAccess(services.session.reader, employeeId, polish, AS_OF, 'pl')
    // Last: the service logs the export, and the log entry would be in the next workbook.
    await client.call('privacy.subjectAccess', { employeeId, path: viaService })

    const en = await sheetsOf(english)
    expect(await sheetsOf(viaService)).toEqual(en)
    expect([...en.keys()]).toEqual(
      expect.arrayContaining(['Person', 'Sensitive attributes', 'Reviews', 'Learning records']),
    )
    for (const rows of en.values())
      expect(rows[0]?.[0]).toMatch(
        /^Contains sensitive attributes \(gender, birth year, ethnicity, work pattern, where recorded\): everything Ninefold holds about .* \(GDPR art\. 15\)/,
      )

    const pl = await sheetsOf(polish)
    expect([...pl.keys()]).toEqual(
      expect.arrayContaining(['Osoba', 'Atrybuty wrażliwe', 'Oceny okresowe', 'Rekordy szkoleń']),
    )
    expect([...pl.keys()]).not.toContain('Person')
    for (const rows of pl.values())
      expect(rows[0]?.[0]).toMatch(
        new RegExp(
          `^Zawiera atrybuty wrażliwe \\(płeć, rok urodzenia, .*\\): wszystko, co Ninefold przechowuje o osobie .* \\(${employeeId}\\), wyeksportowane ${AS_OF} \\(art\\. 15 RODO\\)`,
        ),
      )
    // Same sheets in the same order; column names and records are the stored ones in both languages.
    expect(pl.size).toBe(en.size)
    expect(withoutNotice(pl)).toEqual(withoutNotice(en))
  })

  it('writes the anonymised dataset with the notice in Polish and its sheets, headers and values unchanged', async () => {
    const viaService = join(dir, 'anon-service.xlsx')
    const english = join(dir, 'anon-en.xlsx')
    const polish = join(dir, 'anon-pl.xlsx')
    await client.call('privacy.anonymisedExport', { path: viaService })
    await writeAnonymisedExport(services.session.db, english, AS_OF)
    await writeAnonymisedExport(services.session.db, polish, AS_OF, 'pl')

    const en = await sheetsOf(english)
    expect(await sheetsOf(viaService)).toEqual(en)
    expect([...en.keys()]).toEqual(['People', 'Reviews', 'Competency ratings', 'Learning', 'Promotions'])
    // Every promotion, dated to the month.
    const promotions = en.get('Promotions') ?? []
    expect(promotions[1]).toEqual(['Person', 'Promoted (month)', 'From level', 'To level'])
    expect(promotions.length - 2).toBe(
      (services.session.db.prepare('SELECT count(*) AS n FROM promotions').get() as { n: number }).n,
    )
    expect(
      promotions
        .slice(2)
        .every((r) => /^P-[0-9A-F]{10}$/.test(String(r[0])) && /^\d{4}-\d{2}$/.test(String(r[1]))),
    ).toBe(true)
    expect(en.get('People')?.[0]?.[0]).toBe(
      `Contains sensitive attributes (age band, work pattern): anonymised export of ${AS_OF}: pseudonyms instead of people, names and free text left out, dates to the month, age in bands.`,
    )

    const pl = await sheetsOf(polish)
    // A dataset for tools: sheet names, headers and coded values stay English in every language.
    expect([...pl.keys()]).toEqual([...en.keys()])
    expect(pl.get('People')?.[1]).toEqual(en.get('People')?.[1])
    expect(pl.get('People')?.[1]).toContain('Age band')
    expect(withoutNotice(pl)).toEqual(withoutNotice(en))
    for (const rows of pl.values())
      expect(rows[0]?.[0]).toBe(
        `Zawiera atrybuty wrażliwe (przedział wieku, wymiar pracy): eksport zanonimizowany z ${AS_OF}: pseudonimy zamiast osób, bez imion i nazwisk oraz tekstów swobodnych, daty z dokładnością do miesiąca, wiek w przedziałach.`,
      )
  })
})
