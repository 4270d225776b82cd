import ExcelJS from 'exceljs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeCalibrationWorkbook } from '../../src/main/services/calibration/calibrationWorkbook'
import { withPreviousForExport } from '../../src/main/services/calibration/previousBoxes'
import { sessionForExport } from '../../src/main/services/calibration/sessionView'
import type { Services } from '../../src/main/services/createServices'
import { exportOntology } from '../../src/main/services/skills/ontologyWorkbook'
import { exportSuccessionReport } from '../../src/main/services/succession/successionReport'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

async function readBook(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(path)
  return book
}

/** A row's cells as written (exceljs puts nothing at index 0). */
const cells = (book: ExcelJS.Workbook, sheet: string, row: number): unknown[] =>
  (book.getWorksheet(sheet)?.getRow(row).values as unknown[] | undefined)?.slice(1) ?? []

describe('the calibration, succession and ontology workbooks in Polish', () => {
  let services: Services
  let client: Client

  beforeEach(async () => {
    services = testServices(tempDir())
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Exports', passphrase: PASSPHRASE })
    await client.call('demo.populate', { people: 300, seed: 11 })
  })
  afterEach(() => services.dispose())

  it('writes the calibration results in Polish, and the English book as before', async () => {
    const { sessionId } = await client.call('calibration.create', { name: 'Everyone' })
    const view = await client.call('calibration.show', { sessionId })
    const first = view.placements[0]
    if (!first) throw new Error('nobody placed')
    await client.call('calibration.move', {
      sessionId,
      employeeIds: [first.employeeId],
      box: first.computedBox === 9 ? 8 : 9,
      reasonCode: 'calibration-consensus',
      reason: 'agreed in the meeting',
    })
    const db = services.session.reader
    // As the service exports it: with the previous cycle's boxes and the big movers' records.
    const {
      view: exported,
      changes,
      records,
    } = withPreviousForExport(db, sessionForExport(db, sessionId, 'results'))
    const polish = join(tempDir(), 'pl.xlsx')
    const english = join(tempDir(), 'en.xlsx')
    await writeCalibrationWorkbook(polish, exported, changes, 'results', records, 'pl')
    await writeCalibrationWorkbook(english, exported, changes, 'results', records)

    const pl = await readBook(polish)
    expect(pl.worksheets.map((s) => s.name)).toEqual([
      'Podsumowanie',
      'Rozmieszczenie',
      'Zmiany',
      'Sygnały',
      'Poczekalnia',
      'Propozycje według menedżerów',
    ])
    expect(cells(pl, 'Podsumowanie', 1)).toEqual(['Wyniki kalibracji: Everyone'])
    expect(cells(pl, 'Podsumowanie', 5)).toEqual(['Status', 'w toku'])
    expect(cells(pl, 'Podsumowanie', 11)).toEqual(
      expect.arrayContaining(['Pole', 'Wyliczone (przed)', 'Względem celu']),
    )
    expect(cells(pl, 'Rozmieszczenie', 1)).toEqual(
      expect.arrayContaining(['ID pracownika', 'Przeniesiono?', 'Zwinność uczenia się']),
    )
    const moved = pl
      .getWorksheet('Rozmieszczenie')
      ?.getRows(2, exported.placements.length)
      ?.find((r) => r.getCell(1).value === first.employeeId)
    expect(moved?.getCell(7).value).toBe('tak')
    expect(moved?.getCell(8).value).toBe('konsensus spotkania: agreed in the meeting')
    expect(cells(pl, 'Zmiany', 2)).toEqual(expect.arrayContaining(['agreed in the meeting', 'aktywne']))

    const en = await readBook(english)
    expect(en.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'Placements',
      'Changes',
      'Flags',
      'Holding area',
      'Proposals by manager',
    ])
    expect(cells(en, 'Summary', 1)).toEqual(['Calibration results: Everyone'])
    expect(cells(en, 'Summary', 2)[0]).toBe('Review cycle')
    expect(cells(en, 'Summary', 11)).toEqual([
      'Box',
      'Label',
      'Computed (before)',
      'Final (after)',
      'Target %',
      'Target count',
      'Against target',
    ])
    expect(cells(en, 'Changes', 1)).toEqual([
      'Step',
      'When',
      'Who',
      'Employee ID',
      'Name',
      'From box',
      'To box',
      'Computed box',
      'Reason code',
      'Reason',
      'State',
      'To box label',
    ])
    expect(cells(en, 'Changes', 2)).toEqual(
      expect.arrayContaining(['consensus of the meeting', 'agreed in the meeting', 'active']),
    )
    // The English book is the one the service writes without a language.
    const viaService = join(tempDir(), 'service.xlsx')
    await client.call('calibration.export', { sessionId, path: viaService })
    const service = await readBook(viaService)
    for (const sheet of en.worksheets)
      for (let row = 1; row <= Math.min(sheet.rowCount, 20); row++)
        expect(cells(service, sheet.name, row)).toEqual(cells(en, sheet.name, row))
  })

  it('writes the succession report and the ontology in Polish, and reads the Polish ontology back', async () => {
    await client.call('calibration.create', { name: 'Everyone' })
    const db = services.session.reader
    const polish = join(tempDir(), 'succession-pl.xlsx')
    const english = join(tempDir(), 'succession-en.xlsx')
    await exportSuccessionReport(db, polish, '2026-11-01', undefined, 'pl')
    await exportSuccessionReport(db, english, '2026-11-01')
    const pl = await readBook(polish)
    const names = pl.worksheets.map((s) => s.name)
    expect(names[0]).toBe('Przegląd')
    expect(names.slice(-2)).toEqual(['Pule', 'Legenda'])
    expect(cells(pl, 'Przegląd', 1)).toEqual(['Raport sukcesji'])
    expect(cells(pl, 'Przegląd', 5)).toEqual(
      expect.arrayContaining(['Rola', 'Gotowy teraz', 'Gotowy za 1–2 lata']),
    )
    const roleSheet = pl.worksheets[1]
    if (!roleSheet) throw new Error('no role sheet')
    expect(cells(pl, roleSheet.name, 7)).toEqual(
      expect.arrayContaining(['Miejsce', 'Gotowość', 'Uzasadnienie gotowości']),
    )
    expect(cells(pl, 'Legenda', 2)[0]).toBe('Gotowy teraz')
    expect(pl.getWorksheet('Pule')?.getRow(2).getCell(1).value).toMatch(
      /^(Gwiazdy \(pole 9\)|Ukryte talenty)/,
    )

    const en = await readBook(english)
    expect(en.worksheets.map((s) => s.name).slice(-2)).toEqual(['Pools', 'Legend'])
    expect(cells(en, 'Overview', 1)).toEqual(['Succession report'])
    expect(cells(en, 'Overview', 5)).toEqual([
      'Role',
      'Incumbent',
      'Risk of loss',
      'Impact of loss',
      'Required skills',
      'Ready now',
      'Ready in 1–2 years',
      'Ready in 3+ years',
      'Worst gap among the top candidates',
    ])
    expect(cells(en, 'Legend', 5)).toEqual([
      'Override',
      'Readiness set by hand, with the reason and who set it (in "Why this readiness").',
    ])

    const ontology = join(tempDir(), 'ontology-pl.xlsx')
    await exportOntology(db, ontology, 'pl')
    const book = await readBook(ontology)
    expect(book.worksheets.map((s) => s.name)).toEqual(['Umiejętności', 'Szkolenia'])
    expect(cells(book, 'Umiejętności', 1)).toEqual(['Nazwa', 'Kategoria', 'Opis', 'Status', 'Aliasy'])
    expect(cells(book, 'Umiejętności', 2)[3]).toBe('aktywna')
    // A Polish user's export, edited and saved in a spreadsheet, reads back: a new skill with a Polish status word.
    book.getWorksheet('Umiejętności')?.addRow(['Negocjacje', 'Core', null, 'wycofana', null])
    const edited = join(tempDir(), 'ontology-pl-edited.xlsx')
    await book.xlsx.writeFile(edited)
    const imported = await client.call('skills.importOntology', { path: edited })
    expect(imported.errors).toEqual([])
    expect(imported.stored).toBe(true)
    expect(imported.skills.created).toBe(1)
    const negotiation = (await client.call('skills.list')).find((s) => s.name === 'Negocjacje')
    expect(negotiation?.status).toBe('retired')
  })
})
