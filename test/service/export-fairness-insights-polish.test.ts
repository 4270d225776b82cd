import ExcelJS from 'exceljs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { SENSITIVE_NOTICE, writeFairnessWorkbook } from '../../src/main/services/fairness/fairnessWorkbook'
import { writeInsightWorkbook } from '../../src/main/services/insights/insightsWorkbook'
import type { Client } from '../../src/shared/rpc/client'
import { demoWorkspace } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

async function read(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(path)
  return book
}
/** Every sheet's name and cell values: what a reader of the workbook sees. */
const cells = (book: ExcelJS.Workbook): unknown =>
  book.worksheets.map((s) => ({ name: s.name, rows: s.getRows(1, s.rowCount)?.map((r) => r.values) }))
const row = (book: ExcelJS.Workbook, sheet: string, n: number): unknown[] =>
  ((book.getWorksheet(sheet)?.getRow(n).values ?? []) as unknown[]).slice(1)

describe('the fairness and insights workbooks in Polish', () => {
  let services: Services
  let client: Client
  let dir: string
  beforeEach(async () => {
    dir = tempDir()
    ;({ services, client } = await demoWorkspace(dir, { name: 'Polish', people: 600, seed: 11 }))
  })
  afterEach(() => services.dispose())

  it('writes the fairness audit for the works council in Polish, and English as before', async () => {
    const { sessionId } = await client.call('calibration.create', {
      name: 'Engineering',
      scope: { department: 'Engineering' },
    })
    const audit = await client.call('fairness.audit', { sessionId })
    const polish = join(dir, 'audyt.xlsx')
    const english = join(dir, 'audit.xlsx')
    const viaService = join(dir, 'audit-service.xlsx')
    await writeFairnessWorkbook(polish, audit, 'pl')
    await writeFairnessWorkbook(english, audit)
    await client.call('fairness.export', { sessionId, path: viaService })

    const pl = await read(polish)
    expect(pl.worksheets.map((s) => s.name)).toEqual([
      'Podsumowanie',
      'Niekorzystny wpływ',
      'Rozkład',
      'Audyt miar',
      'Metoda',
    ])
    for (const sheet of pl.worksheets)
      expect(String(sheet.getRow(1).getCell(1).value)).toMatch(/^Zawiera atrybuty wrażliwe \(płeć, wiek/)
    expect(row(pl, 'Niekorzystny wpływ', 2)).toEqual([
      'Atrybut',
      'Wynik',
      'Grupa',
      'Osoby',
      'Wybrani',
      'Wskaźnik',
      'Stosunek do najlepszej',
      'Poniżej 4/5?',
      'p (Fisher)',
      'Mała grupa?',
    ])
    expect(row(pl, 'Niekorzystny wpływ', 3).slice(0, 2)).toEqual(['płeć', 'Wysoka ocena wyników'])
    expect(String(pl.getWorksheet('Podsumowanie')?.getRow(2).getCell(1).value)).toBe(
      'Audyt sprawiedliwości: Engineering',
    )
    // The workspace's own groups stay as they are; the app's own ("Not recorded") are said in Polish.
    const groups = pl.getWorksheet('Rozkład')?.getColumn(2).values ?? []
    expect(groups).toContain('Brak danych')
    expect(groups).toContain('Part-time')
    expect(String(pl.getWorksheet('Metoda')?.getRow(3).getCell(1).value)).toMatch(
      /^Grupy, w których liczba osób jest mniejsza niż 4/,
    )

    // English: the same as the service writes, which the CLI and the tests have always read.
    const en = await read(english)
    expect(cells(en)).toEqual(cells(await read(viaService)))
    expect(en.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'Adverse impact',
      'Distribution',
      'Metric audit',
      'Method',
    ])
    expect(en.getWorksheet('Summary')?.getRow(1).getCell(1).value).toBe(SENSITIVE_NOTICE)
    expect(SENSITIVE_NOTICE).toBe(
      'Contains sensitive attributes (gender, age, work pattern, ethnicity, location): for the fairness audit only. Groups under 4 people are shown as "<4".',
    )
    expect(row(en, 'Adverse impact', 3).slice(0, 2)).toEqual(['gender', 'Rated high performance'])
    expect(en.getWorksheet('Summary')?.getColumn(1).values).toContain(audit.warnings[0])
  })

  it("writes an Insights view's numbers in Polish, and English as before", async () => {
    const density = await client.call('insights.density', { by: 'jobLevel' })
    const polish = join(dir, 'gestosc.xlsx')
    const english = join(dir, 'density.xlsx')
    const viaService = join(dir, 'density-service.xlsx')
    await writeInsightWorkbook(polish, { view: 'density', data: density }, 'pl')
    await writeInsightWorkbook(english, { view: 'density', data: density })
    await client.call('insights.export', { view: 'density', input: { by: 'jobLevel' }, path: viaService })

    const pl = await read(polish)
    expect(pl.worksheets.map((s) => s.name)).toEqual(['Gęstość talentów'])
    const cycle = density.cycles[0]?.cycle ?? ''
    expect(row(pl, 'Gęstość talentów', 2).slice(0, 3)).toEqual([
      'Poziom stanowiska',
      `${cycle} wysokie`,
      `${cycle} z`,
    ])
    expect(row(pl, 'Gęstość talentów', 3)[0]).toBe('Poziom 1')
    expect(pl.getWorksheet('Gęstość talentów')?.getColumn(1).values).toContain('Wszyscy')
    expect(String(pl.getWorksheet('Gęstość talentów')?.getRow(1).getCell(1).value)).toMatch(
      /^Osoba z wysokimi wynikami/,
    )

    const en = await read(english)
    expect(cells(en)).toEqual(cells(await read(viaService)))
    expect(en.worksheets.map((s) => s.name)).toEqual(['Talent density'])
    expect(row(en, 'Talent density', 2).slice(0, 3)).toEqual(['Job level', `${cycle} high`, `${cycle} of`])
    expect(row(en, 'Talent density', 3)[0]).toBe('Level 1')
    expect(en.getWorksheet('Talent density')?.getRow(1).getCell(1).value).toBe(density.definition)
  })
})
