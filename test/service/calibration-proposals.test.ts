import ExcelJS from 'exceljs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { agendaOf } from '../../src/core/calibration/agenda'
import type { Services } from '../../src/main/services/createServices'
import type { CalibrationView, Placement } from '../../src/shared/contract'
import type { Client } from '../../src/shared/rpc/client'
import { demoWorkspace } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

/** The pre-read's Proposals sheet: its header row and each employee's row, by header name. */
async function proposalsSheet(path: string): Promise<{
  book: ExcelJS.Workbook
  sheet: ExcelJS.Worksheet
  header: number
  column: (name: string) => number
  rowOf: (employeeId: string) => ExcelJS.Row
}> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(path)
  const sheet = book.getWorksheet('Proposals')
  if (!sheet) throw new Error('no Proposals sheet')
  let header = 0
  sheet.eachRow((row, n) => {
    if (header === 0 && row.getCell(1).value === 'Employee ID') header = n
  })
  const headers = (sheet.getRow(header).values as unknown[]).map((v) => String(v ?? ''))
  const column = (name: string): number => {
    const at = headers.indexOf(name)
    if (at < 1) throw new Error(`no column ${name}`)
    return at
  }
  const rowOf = (employeeId: string): ExcelJS.Row => {
    for (let n = header + 1; n <= sheet.rowCount; n++)
      if (sheet.getRow(n).getCell(1).value === employeeId) return sheet.getRow(n)
    throw new Error(`${employeeId} is not in the sheet`)
  }
  return { book, sheet, header, column, rowOf }
}

/** A results workbook's sheet as objects keyed by header (the header row found by its first column). */
async function sheetRows(path: string, name: string, first: string): Promise<Record<string, unknown>[]> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(path)
  const sheet = book.getWorksheet(name)
  if (!sheet) throw new Error(`no ${name} sheet`)
  let header = 0
  sheet.eachRow((row, n) => {
    if (header === 0 && row.getCell(1).value === first) header = n
  })
  const headers = (sheet.getRow(header).values as unknown[]).map((v) => String(v ?? ''))
  const rows: Record<string, unknown>[] = []
  for (let n = header + 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n)
    const out: Record<string, unknown> = {}
    // The first of two columns with one header wins (Final box is repeated beside the proposal).
    headers.forEach((h, i) => {
      if (i > 0 && h && !(h in out)) out[h] = row.getCell(i).value
    })
    rows.push(out)
  }
  return rows
}

describe("managers' proposals", () => {
  let services: Services
  let client: Client
  let view: CalibrationView
  let sessionId: string
  beforeEach(async () => {
    ;({ services, client } = await demoWorkspace(tempDir(), { name: 'Proposals', people: 300, seed: 7 }))
    ;({ sessionId } = await client.call('calibration.create', {
      name: 'Sales',
      scope: { department: 'Sales' },
    }))
    view = await client.call('calibration.show', { sessionId })
  })
  afterEach(() => services.dispose())

  /** Three people of the session: low in the grid, in the middle, and another. */
  const three = (): [Placement, Placement, Placement] => {
    const low = view.placements.find((p) => p.computedBox <= 4)
    const middle = view.placements.find((p) => p.computedBox === 5 || p.computedBox === 6)
    const other = view.placements.find((p) => p !== low && p !== middle && p.computedBox !== 1)
    if (!low || !middle || !other) throw new Error('the demo has too few people spread over the grid')
    return [low, middle, other]
  }

  it('goes round the pre-read: exported with editable proposal cells, filled in by a manager, imported, shown and exported beside the evidence and final boxes', async () => {
    expect(view.proposals).toBeNull()
    expect(view.placements.every((p) => (p.proposedBox ?? null) === null)).toBe(true)
    const preRead = join(tempDir(), 'Sales pre-read.xlsx')
    await client.call('calibration.export', { sessionId, kind: 'pre-read', path: preRead })
    const { book, sheet, header, column, rowOf } = await proposalsSheet(preRead)
    // The workbook opens on the sheet managers fill in (the last, so the others keep their places).
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Placements',
      'Changes',
      'Flags',
      'Holding area',
      'Proposals',
    ])
    expect(book.views[0]?.activeTab).toBe(5)
    // The sheet says which cells a manager fills in, and only those are unlocked on the protected sheet.
    expect(String(sheet.getRow(2).getCell(1).value)).toMatch(/Fill in the tinted columns/)
    // exceljs reads the protection back, though its typings leave it out.
    expect((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true)
    const [low, middle, other] = three()
    const lowRow = rowOf(low.employeeId)
    for (const name of [
      'Proposed box',
      'Proposed performance',
      'Proposed potential',
      'Proposed by',
      'Comment',
    ])
      expect(lowRow.getCell(column(name)).protection?.locked, name).toBe(false)
    for (const name of ['Employee ID', 'Name', 'Evidence box'])
      expect(lowRow.getCell(column(name)).protection?.locked, name).not.toBe(false)
    expect(lowRow.getCell(column('Evidence box')).value).toBe(low.computedBox)
    // The manager is filled in as the proposer.
    expect(lowRow.getCell(column('Proposed by')).value).toBe(low.managerName)
    expect(header).toBeGreaterThan(1)

    // A manager fills it in: a box far above the evidence, levels in words, and a comment that looks like a formula.
    lowRow.getCell(column('Proposed box')).value = 9
    lowRow.getCell(column('Comment')).value = '=HYPERLINK("http://evil.example","Led the migration")'
    const middleRow = rowOf(middle.employeeId)
    middleRow.getCell(column('Proposed performance')).value = 'High'
    middleRow.getCell(column('Proposed potential')).value = 'moderate'
    const otherRow = rowOf(other.employeeId)
    otherRow.getCell(column('Proposed box')).value = '1'
    otherRow.getCell(column('Proposed by')).value = 'Dana Skip-Level'
    // Someone the data could not place gets a proposal too (their row has no evidence box).
    const [held] = view.holding
    if (!held) throw new Error('nobody in Sales is held')
    expect(rowOf(held.employeeId).getCell(column('Evidence box')).value).toBeNull()
    // Their manager is named, so a manager filtering the sheet on their name finds them too.
    const heldManager = rowOf(held.employeeId).getCell(column('Manager')).value
    expect(typeof heldManager === 'string' && heldManager.length > 0).toBe(true)
    expect(rowOf(held.employeeId).getCell(column('Proposed by')).value).toBe(heldManager)
    rowOf(held.employeeId).getCell(column('Proposed box')).value = 4
    const filled = join(tempDir(), 'Sales pre-read (filled).xlsx')
    await book.xlsx.writeFile(filled)

    const imported = await client.call('calibration.importProposals', { sessionId, path: filled })
    expect(imported).toMatchObject({ stored: true, proposals: 4, replaced: 0, errors: [] })
    view = await client.call('calibration.show', { sessionId })
    expect(view.proposals).toMatchObject({
      source: 'workbook',
      file: 'Sales pre-read (filled).xlsx',
      proposals: 4,
    })
    const byId = new Map(view.placements.map((p) => [p.employeeId, p]))
    expect(byId.get(low.employeeId)).toMatchObject({
      proposedBox: 9,
      proposal: {
        by: low.managerName,
        byId: low.managerId,
        comment: '=HYPERLINK("http://evil.example","Led the migration")',
      },
    })
    // High performance, moderate potential is box 6.
    expect(byId.get(middle.employeeId)).toMatchObject({
      proposedBox: 6,
      proposal: { performance: 'high', potential: 'moderate' },
    })
    expect(byId.get(other.employeeId)).toMatchObject({
      proposedBox: 1,
      proposal: { by: 'Dana Skip-Level', byId: null },
    })
    expect(view.placements.filter((p) => p.proposedBox !== null)).toHaveLength(3)
    expect(view.holding.find((h) => h.employeeId === held.employeeId)).toMatchObject({ proposedBox: 4 })
    // Blind mode names no proposer: the manager by their pseudonym, anyone else not at all.
    await client.call('calibration.setBlind', { sessionId, blind: true })
    const blind = await client.call('calibration.show', { sessionId })
    const lowBlind = blind.placements.find((p) => p.employeeId === low.employeeId)
    expect(lowBlind?.proposal?.by).toMatch(/^M-\d+$/)
    expect(lowBlind?.proposal).toMatchObject({ by: lowBlind?.managerName, byId: null })
    expect(blind.placements.find((p) => p.employeeId === other.employeeId)?.proposal).toMatchObject({
      by: null,
      byId: null,
    })
    await client.call('calibration.setBlind', { sessionId, blind: false })
    // Box 9 against the evidence's box 4 or lower: far from the evidence, on the agenda with that reason.
    const agenda = agendaOf(view.placements, view.flagContext)
    expect(agenda.find((a) => a.employeeId === low.employeeId)?.reasons).toContainEqual({
      kind: 'proposal-far',
    })

    // The meeting keeps one proposal and moves another: the results say so, per person and per manager.
    await client.call('calibration.move', {
      sessionId,
      employeeIds: [low.employeeId],
      box: 5,
      reasonCode: 'calibration-consensus',
    })
    await client.call('calibration.move', {
      sessionId,
      employeeIds: [middle.employeeId],
      box: 6,
      reasonCode: 'calibration-consensus',
    })
    const results = join(tempDir(), 'results.xlsx')
    await client.call('calibration.export', { sessionId, path: results })
    const placed = await sheetRows(results, 'Placements', 'Employee ID')
    const lowOut = placed.find((r) => r['Employee ID'] === low.employeeId)
    expect(lowOut).toMatchObject({
      'Proposed box': 9,
      'Evidence box': low.computedBox,
      'Final box': 5,
      'Proposed by': low.managerName,
      'Final vs proposal': expect.stringMatching(/^down /),
    })
    // The comment is text in the workbook, never a formula.
    expect(lowOut?.['Proposal comment']).toBe(`'=HYPERLINK("http://evil.example","Led the migration")`)
    expect(placed.find((r) => r['Employee ID'] === middle.employeeId)).toMatchObject({
      'Proposed box': 6,
      'Final box': 6,
      'Final vs proposal': 'as proposed',
    })
    expect(
      placed.find(
        (r) => r['Employee ID'] === view.placements.find((p) => p.proposedBox === null)?.employeeId,
      ),
    ).toMatchObject({ 'Proposed box': null, 'Final vs proposal': null })
    const managers = await sheetRows(results, 'Proposals by manager', 'Manager')
    const lowManager = managers.find((m) => m['Manager'] === low.managerName)
    expect(lowManager).toMatchObject({ Proposals: expect.any(Number), 'Moved down': expect.any(Number) })
    expect(Number(lowManager?.['Moved down'])).toBeGreaterThanOrEqual(1)
    expect(managers.find((m) => m['Manager'] === 'Dana Skip-Level')).toMatchObject({
      Proposals: 1,
      'Kept as proposed': other.computedBox === 1 ? 1 : 0,
    })
    // The session log says what was imported.
    const log = await client.call('calibration.log', { sessionId })
    expect(log.map((l) => l.summary)).toContain(
      '4 proposals imported from Sales pre-read (filled).xlsx (step 1)',
    )
  })

  it('refuses a workbook with problems as a whole, naming the file, sheet, row, column and value of each', async () => {
    const preRead = join(tempDir(), 'pre-read.xlsx')
    await client.call('calibration.export', { sessionId, kind: 'pre-read', path: preRead })
    const { book, column, rowOf } = await proposalsSheet(preRead)
    const [a, b, c] = three()
    const spare = view.placements.filter((p) => ![a, b, c].includes(p)).slice(0, 3)
    const [d, e, f] = spare as [Placement, Placement, Placement]
    rowOf(a.employeeId).getCell(column('Proposed box')).value = 10
    rowOf(b.employeeId).getCell(column('Proposed box')).value = '=4+5'
    rowOf(c.employeeId).getCell(column('Proposed performance')).value = 'great'
    rowOf(c.employeeId).getCell(column('Proposed potential')).value = 'high'
    rowOf(d.employeeId).getCell(column('Proposed performance')).value = 'low'
    rowOf(e.employeeId).getCell(column('Proposed box')).value = 9
    rowOf(e.employeeId).getCell(column('Proposed performance')).value = 'low'
    rowOf(e.employeeId).getCell(column('Proposed potential')).value = 'low'
    rowOf(f.employeeId).getCell(column('Proposed box')).value = 5
    // Someone who is not in the session (another department, or nobody at all).
    const strangerRow = rowOf(f.employeeId)
    strangerRow.getCell(1).value = 'NOBODY-1'
    const bad = join(tempDir(), 'bad.xlsx')
    await book.xlsx.writeFile(bad)

    const result = await client.call('calibration.importProposals', { sessionId, path: bad })
    expect(result.stored).toBe(false)
    expect(result.proposals).toBe(0)
    const problems = result.errors.map(({ file, sheet, row, column, value, code }) => ({
      file,
      sheet,
      row,
      column,
      value,
      code,
    }))
    const rowNo = (id: string): number => rowOf(id).number
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          file: 'bad.xlsx',
          sheet: 'Proposals',
          row: rowNo(a.employeeId),
          column: 'Proposed box',
          value: '10',
          code: 'UNKNOWN_BOX',
        },
        {
          file: 'bad.xlsx',
          sheet: 'Proposals',
          row: rowNo(b.employeeId),
          column: 'Proposed box',
          value: '=4+5',
          code: 'UNKNOWN_BOX',
        },
        {
          file: 'bad.xlsx',
          sheet: 'Proposals',
          row: rowNo(c.employeeId),
          column: 'Proposed performance',
          value: 'great',
          code: 'UNKNOWN_LEVEL',
        },
        {
          file: 'bad.xlsx',
          sheet: 'Proposals',
          row: rowNo(d.employeeId),
          column: 'Proposed potential',
          value: null,
          code: 'HALF_LEVELS',
        },
        {
          file: 'bad.xlsx',
          sheet: 'Proposals',
          row: rowNo(e.employeeId),
          column: 'Proposed box',
          value: '9',
          code: 'BOX_AND_LEVELS_DIFFER',
        },
        {
          file: 'bad.xlsx',
          sheet: 'Proposals',
          row: strangerRow.number,
          column: 'Employee ID',
          value: 'NOBODY-1',
          code: 'NOT_IN_SESSION',
        },
      ]),
    )
    expect(problems).toHaveLength(6)
    expect(result.errors.find((p) => p.code === 'NOT_IN_SESSION')?.message).toBe(
      'NOBODY-1 is not in this session.',
    )
    // Nothing was stored, not even the good rows.
    const after = await client.call('calibration.show', { sessionId })
    expect(after.proposals).toBeNull()
    expect(after.canUndo).toBe(false)

    // A workbook that is not a pre-read at all.
    const other = new ExcelJS.Workbook()
    other.addWorksheet('Sheet1').addRow(['Employee ID', 'Box'])
    const foreign = join(tempDir(), 'foreign.xlsx')
    await other.xlsx.writeFile(foreign)
    const refused = await client.call('calibration.importProposals', { sessionId, path: foreign })
    expect(refused.stored).toBe(false)
    expect(refused.errors[0]).toMatchObject({ file: 'foreign.xlsx', code: 'NO_PROPOSALS_SHEET' })
    expect(refused.errors[0]?.message).toMatch(/has no "Proposals" sheet/)
  })

  it('reads back a pre-read exported in Polish, its words included', async () => {
    const preRead = join(tempDir(), 'materiały.xlsx')
    await client.call('calibration.export', { sessionId, kind: 'pre-read', path: preRead, locale: 'pl' })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(preRead)
    const sheet = book.getWorksheet('Propozycje')
    if (!sheet) throw new Error('no Propozycje sheet')
    expect(book.worksheets[book.views[0]?.activeTab ?? 0]?.name).toBe('Propozycje')
    let header = 0
    sheet.eachRow((row, n) => {
      if (header === 0 && row.getCell(1).value === 'ID pracownika') header = n
    })
    const headers = (sheet.getRow(header).values as unknown[]).map((v) => String(v ?? ''))
    expect(headers).toEqual(expect.arrayContaining(['Proponowane pole', 'Proponowane wyniki', 'Komentarz']))
    const [first] = three()
    const row = (() => {
      for (let n = header + 1; n <= sheet.rowCount; n++)
        if (sheet.getRow(n).getCell(1).value === first.employeeId) return sheet.getRow(n)
      throw new Error('not in the sheet')
    })()
    row.getCell(headers.indexOf('Proponowane wyniki')).value = 'wysoki'
    row.getCell(headers.indexOf('Proponowany potencjał')).value = 'Średni'
    const filled = join(tempDir(), 'wypełnione.xlsx')
    await book.xlsx.writeFile(filled)
    const result = await client.call('calibration.importProposals', { sessionId, path: filled })
    expect(result).toMatchObject({ stored: true, proposals: 1 })
    const shown = await client.call('calibration.show', { sessionId })
    expect(shown.placements.find((p) => p.employeeId === first.employeeId)).toMatchObject({
      proposedBox: 6,
      proposal: { performance: 'high', potential: 'moderate' },
    })
  })

  it('replaces the proposals before in one undoable step, and takes them from the cycle ratings too', async () => {
    const fromRatings = await client.call('calibration.importProposals', { sessionId, from: 'ratings' })
    expect(fromRatings.stored).toBe(true)
    expect(fromRatings.proposals).toBeGreaterThan(view.placements.length / 2)
    let shown = await client.call('calibration.show', { sessionId })
    expect(shown.proposals).toMatchObject({ source: 'ratings', file: null, step: 1 })
    const proposed = shown.placements.filter((p) => p.proposedBox !== null)
    expect(proposed.length).toBe(fromRatings.proposals)
    // Proposed by the reviewer, by name.
    expect(proposed.every((p) => typeof p.proposal?.by === 'string' && p.proposal.by.length > 0)).toBe(true)

    const preRead = join(tempDir(), 'pre-read.xlsx')
    await client.call('calibration.export', { sessionId, kind: 'pre-read', path: preRead })
    const { book, column, rowOf } = await proposalsSheet(preRead)
    // The pre-read sent round again shows what was proposed: clear every proposal but one, and change that one.
    const [first] = three()
    for (const p of proposed) {
      const row = rowOf(p.employeeId)
      for (const name of ['Proposed box', 'Proposed performance', 'Proposed potential'])
        row.getCell(column(name)).value = null
    }
    rowOf(first.employeeId).getCell(column('Proposed box')).value = 8
    const again = join(tempDir(), 'again.xlsx')
    await book.xlsx.writeFile(again)
    const replaced = await client.call('calibration.importProposals', { sessionId, path: again })
    expect(replaced).toMatchObject({ stored: true, proposals: 1, replaced: fromRatings.proposals, step: 2 })
    shown = await client.call('calibration.show', { sessionId })
    expect(
      shown.placements.filter((p) => p.proposedBox !== null).map((p) => [p.employeeId, p.proposedBox]),
    ).toEqual([[first.employeeId, 8]])
    // Undo brings the ratings' proposals back; redo the workbook's.
    expect(await client.call('calibration.undo', { sessionId })).toEqual({ step: 2 })
    shown = await client.call('calibration.show', { sessionId })
    expect(shown.proposals?.source).toBe('ratings')
    expect(shown.placements.filter((p) => p.proposedBox !== null)).toHaveLength(fromRatings.proposals)
    await client.call('calibration.redo', { sessionId })
    shown = await client.call('calibration.show', { sessionId })
    expect(shown.proposals).toMatchObject({ source: 'workbook', proposals: 1 })
    // A finalized session takes no proposals.
    await client.call('calibration.setStatus', { sessionId, status: 'finalized' })
    await expect(
      client.call('calibration.importProposals', { sessionId, from: 'ratings' }),
    ).rejects.toMatchObject({
      code: 'SESSION_LOCKED',
    })
  })
})
