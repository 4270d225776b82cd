import { realpathSync } from 'node:fs'
import { resolve } from 'node:path'
import type { CalibrationView, Level, Placement } from '../../../shared/contract/calibration'
import {
  LOCALES,
  message,
  translate,
  translator,
  type Locale,
  type Message,
  type MessageKey,
} from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import { boxAxes } from '../../../core/calibration/placement'
import { performanceTierOf, potentialTierOf } from '../../../core/calibration/calibratedRating'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { safeCellText } from '../../export/neutralise'
import {
  cellAt,
  patchSheet,
  type CellPatch,
  type CellWrite,
  type SheetCell,
  type SheetRow,
} from '../../export/sheetXml'
import { SourceWorkbook } from '../../export/sourceWorkbook'
import { readZipEntry, rewriteZip } from '../../export/zipRewrite'
import { withFullCalcOnLoad } from '../../export/workbookXml'
import { inspectZip, type ZipEntry } from '../../import/readers/zipInspector'
import { boxLabelText } from './calibrationWorkbook'
import { ratingColumn, ratingWrite } from './ratingColumn'
import {
  columnFor,
  importLayoutOf,
  type ImportBatchRow,
  type ImportLayout,
  type ImportScale,
} from './importLayout'
import type { MoveLogEntry } from './moveLog'
import { sha256Of } from '../../import/fileHash'

const LEVELS: readonly Level[] = ['low', 'moderate', 'high']
/** A 9-box column of the HRIS's own: "9-box", "9 Box", "Ninebox position" is not matched, "Talent mapping position". */
const NINE_BOX_HEADER = /9.?box|talent mapping position/i

export interface CalibratedSource {
  /** The reviews workbook as it was imported. */
  sourcePath: string
  /** Its name as the user knows it (an upload's own name, not the spool file's). */
  sourceName: string
  outPath: string
  locale: Locale
}

export interface CalibratedSourceResult {
  /** Rows of people in the session that were found in the file. */
  people: number
  /** Of those, the ones whose box changed in calibration. */
  changed: number
  sheet: string
}

const refuse = (
  code: 'SOURCE_NOT_IMPORTED' | 'SOURCE_CHANGED' | 'FILE_UNREADABLE' | 'INVALID_INPUT',
  text: Message,
  details: Record<string, unknown>,
): AppError => new AppError(code, text, details)

/** The newest reviews import (not undone) of exactly this file; refuses when there is none, saying why. */
export function reviewsBatchOf(db: WorkspaceDb, sha256: string, fileName: string): ImportBatchRow {
  const batch = db
    .prepare(
      `SELECT id, file_name, sha256, mapping_json, created_at FROM import_batches
       WHERE sha256 = ? AND kind = 'reviews' AND undone_at IS NULL ORDER BY created_at DESC LIMIT 1`,
    )
    .get(sha256) as ImportBatchRow | undefined
  if (batch) return batch
  const sameName = db
    .prepare(
      `SELECT created_at FROM import_batches
       WHERE file_name = ? AND kind = 'reviews' AND undone_at IS NULL ORDER BY created_at DESC LIMIT 1`,
    )
    .get(fileName) as { created_at: string } | undefined
  if (sameName)
    throw refuse(
      'SOURCE_CHANGED',
      message('calibration.into.changed', { file: fileName, date: sameName.created_at.slice(0, 10) }),
      { file: fileName, importedAt: sameName.created_at, sha256 },
    )
  throw refuse('SOURCE_NOT_IMPORTED', message('calibration.into.notImported', { file: fileName }), {
    file: fileName,
    sha256,
  })
}

function cycleOf(batch: ImportBatchRow): string | null {
  const mapping = JSON.parse(batch.mapping_json) as { constants?: Record<string, string> }
  return mapping.constants?.['cycle'] ?? null
}

/**
 * Writes a copy of the reviews workbook a session's ratings came from, with the calibration in it: the calibrated
 * performance and potential in the file's own words (or numbers), the final box where the file has a 9-box column,
 * and three appended columns (calibrated box, changed, reason). Only the one sheet's XML is rewritten, and in it only
 * the cells that change; every other part of the zip is copied byte for byte.
 */
export async function writeCalibratedSource(
  db: WorkspaceDb,
  view: CalibrationView,
  changes: readonly MoveLogEntry[],
  target: CalibratedSource,
): Promise<CalibratedSourceResult> {
  const file = target.sourceName
  const sha256 = await sha256Of(target.sourcePath).catch(() => {
    throw refuse('FILE_UNREADABLE', message('import.errors.notReadable', { file }), { file })
  })
  const batch = reviewsBatchOf(db, sha256, file)
  if (sameFile(target.sourcePath, target.outPath))
    throw refuse('INVALID_INPUT', message('calibration.into.sameFile', { file }), { file })
  let entries: ZipEntry[]
  let workbook: SourceWorkbook
  try {
    entries = inspectZip(target.sourcePath)
    workbook = new SourceWorkbook(target.sourcePath, entries)
  } catch {
    throw refuse('FILE_UNREADABLE', message('calibration.into.notWorkbook', { file }), { file })
  }
  const layout = importLayoutOf(batch, {
    sheets: workbook.sheets,
    firstRows: (name) =>
      (workbook.sheet(name)?.rows ?? []).slice(0, 50).map((row) => ({
        number: row.number,
        texts: new Map(
          row.cells.filter((c) => c.text !== null).map((c) => [c.column, c.text ?? ''] as const),
        ),
      })),
  })
  const noLayout = (): AppError =>
    refuse(
      'FILE_UNREADABLE',
      message('calibration.into.noLayout', { file, date: batch.created_at.slice(0, 10) }),
      {
        file,
        batchId: batch.id,
      },
    )
  // A layout without a sheet name (one recorded as for a CSV) is the sheet whose header row holds its columns.
  const holdsColumns = (name: string): boolean => {
    const header = workbook.sheet(name)?.rows.find((r) => r.number === layout?.headerRow)
    return (
      header !== undefined &&
      (layout?.columns ?? []).every((c) => cellAt(header, c.column)?.text?.trim() === c.header.trim())
    )
  }
  const sheetName = layout?.sheet ?? workbook.sheets.find((s) => holdsColumns(s.name))?.name
  const sheet = sheetName ? workbook.sheet(sheetName) : null
  const part = sheetName ? workbook.part(sheetName) : null
  if (!layout || !sheet || !sheetName || !part) throw noLayout()
  const patches = planPatches(layout, sheet.rows, view, changes, target.locale, batch, file)
  const replaced = Buffer.from(patchSheet(sheet.xml, sheet.rows, patches.cells, patches.lastColumn), 'utf8')
  const replacements = new Map([[part, replaced]])
  // Formulas elsewhere that read a rewritten rating keep their saved results until recalculated: ask the
  // spreadsheet to recalculate on open (one attribute of workbook.xml; the only other part touched).
  const workbookXml = entries.find((e) => e.name === 'xl/workbook.xml')
  if (workbookXml && (entries.some((e) => e.name === 'xl/calcChain.xml') || sheet.xml.includes('<f')))
    replacements.set(
      workbookXml.name,
      Buffer.from(withFullCalcOnLoad(readZipEntry(target.sourcePath, workbookXml).toString('utf8')), 'utf8'),
    )
  rewriteZip(target.sourcePath, entries, target.outPath, replacements)
  return { people: patches.people, changed: patches.changed, sheet: sheetName }
}

function sameFile(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p)
    } catch {
      return resolve(p)
    }
  }
  return real(a) === real(b)
}

/** The columns an earlier calibration appended, in either language, when the file still has them side by side. */
function calibrationColumnsIn(headers: readonly string[]): [number, number, number] | null {
  const names = (key: MessageKey): string[] =>
    (Object.keys(LOCALES) as Locale[]).map((locale) => translate(locale, key))
  const boxes = names('calibration.into.col.calibratedBox')
  const at = headers.findIndex((h) => boxes.includes(h.trim()))
  if (at < 0) return null
  const follows = (offset: number, key: MessageKey): boolean =>
    names(key).includes(headers[at + offset]?.trim() ?? '')
  return follows(1, 'calibration.into.col.changed') && follows(2, 'calibration.into.col.reason')
    ? [at, at + 1, at + 2]
    : null
}

function sameValue(cell: SheetCell, write: CellWrite): boolean {
  if (write.kind === 'blank') return cell.text === null || cell.text === ''
  return cell.isNumber === (write.kind === 'number') && cell.text === String(write.value)
}

function planPatches(
  layout: ImportLayout,
  rows: readonly SheetRow[],
  view: CalibrationView,
  changes: readonly MoveLogEntry[],
  locale: Locale,
  batch: ImportBatchRow,
  file: string,
): { cells: Map<number, Map<number, CellPatch>>; lastColumn: number; people: number; changed: number } {
  const tr = translator(locale)
  const idColumn = columnFor(layout, 'employeeId', view.cycle)
  if (idColumn === null)
    throw refuse(
      'FILE_UNREADABLE',
      message('calibration.into.noColumn', { file, field: message('calibration.into.field.employeeId') }),
      { file },
    )
  const dataRows = rows.filter((r) => r.number > layout.headerRow)
  const cycleColumn = columnFor(layout, 'cycle', view.cycle)
  const constantCycle = cycleOf(batch)
  const ofCycle = dataRows.filter((row) => {
    if (cycleColumn === null) return constantCycle === null || constantCycle === view.cycle
    return cellAt(row, cycleColumn)?.text?.trim() === view.cycle
  })
  if (ofCycle.length === 0)
    throw refuse('FILE_UNREADABLE', message('calibration.into.otherCycle', { file, cycle: view.cycle }), {
      file,
      cycle: view.cycle,
    })

  const settings = view.settings
  const performanceColumn = columnFor(layout, 'overallRating', view.cycle)
  // A file rating several cycles side by side, none of them this session's: nothing of it is this session's.
  if (performanceColumn === null && layout.columns.some((c) => c.field === 'overallRating'))
    throw refuse('FILE_UNREADABLE', message('calibration.into.otherCycle', { file, cycle: view.cycle }), {
      file,
      cycle: view.cycle,
    })
  const potentialColumn = columnFor(layout, 'potentialRating', view.cycle)
  const rating = (
    column: number | null,
    recorded: ImportScale | null,
    fallback: { min: number; max: number } | null,
  ) => {
    if (column === null) return null
    const found = ratingColumn(ofCycle, column, recorded, fallback)
    if (!found)
      throw refuse(
        'FILE_UNREADABLE',
        message('calibration.into.noScale', { file, column: layout.headers[column] ?? String(column + 1) }),
        { file, column: layout.headers[column] ?? null },
      )
    return found
  }
  const performance = rating(performanceColumn, layout.scales.overallRating, null)
  const potential = rating(potentialColumn, layout.scales.potentialRating, settings.potential.managerScale)
  const performanceTier = performance
    ? performanceTierOf(performance.scale, settings.performanceCuts, performance.values)
    : null
  const potentialTier = potential
    ? potentialTierOf(potential.scale, settings.potential.cuts, potential.values)
    : null
  const boxColumn = layout.headers.findIndex((h) => NINE_BOX_HEADER.test(h))
  // The file's own style for a box: numbers (as numbers or as digits in text), else words.
  const boxCells =
    boxColumn < 0 ? [] : ofCycle.map((r) => cellAt(r, boxColumn)).filter((c) => c?.text?.trim())
  const boxAsDigits = boxCells.length > 0 && boxCells.every((c) => /^[1-9]$/.test(c?.text?.trim() ?? ''))
  const boxAsNumbers = boxAsDigits && boxCells.every((c) => c?.isNumber === true)

  const headerRow = rows.find((r) => r.number === layout.headerRow)
  // A loop, not Math.max(...cells): a sheet of 100k rows has more cells than a call can take arguments.
  let lastUsed = layout.headers.length - 1
  for (const row of rows)
    for (const cell of row.cells) if (cell.text !== null && cell.column > lastUsed) lastUsed = cell.column
  const cells = new Map<number, Map<number, CellPatch>>()
  const headers = {
    box: tr.t('calibration.into.col.calibratedBox'),
    changed: tr.t('calibration.into.col.changed'),
    reason: tr.t('calibration.into.col.reason'),
  }
  // A file that went through a calibration before (the HRIS exported our columns back) is written in place.
  const earlier = calibrationColumnsIn(layout.headers)
  const [boxAt, changedAt, reasonAt] = earlier ?? [lastUsed + 1, lastUsed + 2, lastUsed + 3]
  if (!earlier) {
    const style = headerRow?.cells.filter((c) => c.text !== null).at(-1)?.style ?? null
    cells.set(
      layout.headerRow,
      new Map([
        [boxAt, { write: { kind: 'text', value: headers.box }, style }],
        [changedAt, { write: { kind: 'text', value: headers.changed }, style }],
        [reasonAt, { write: { kind: 'text', value: headers.reason }, style }],
      ]),
    )
  }

  const placements = new Map<string, Placement>(view.placements.map((p) => [p.employeeId, p]))
  const lastMove = new Map<string, MoveLogEntry>()
  for (const c of changes) if (c.state === 'active') lastMove.set(c.employeeId, c)
  let people = 0
  let changed = 0
  for (const row of ofCycle) {
    const id = cellAt(row, idColumn)?.text?.trim()
    const placement = id ? placements.get(id) : undefined
    if (!placement) continue
    people++
    const writes = new Map<number, CellPatch>()
    const moved = placement.box !== placement.computedBox
    if (moved) {
      changed++
      const final = boxAxes(placement.box)
      const computed = boxAxes(placement.computedBox)
      if (performance && performanceTier && final.performance !== computed.performance) {
        const write = ratingWrite(performance, row, LEVELS[final.performance] as Level, performanceTier)
        if (write) writes.set(performance.column, write)
      }
      if (potential && potentialTier && final.potential !== computed.potential) {
        const write = ratingWrite(potential, row, LEVELS[final.potential] as Level, potentialTier)
        if (write) writes.set(potential.column, write)
      }
      if (boxColumn >= 0) {
        const current = cellAt(row, boxColumn)
        const label = boxLabelText(tr, placement.box, settings.labels[String(placement.box)] ?? null)
        const write: CellPatch['write'] =
          boxAsNumbers || (label === null && !boxAsDigits)
            ? { kind: 'number', value: placement.box }
            : { kind: 'text', value: boxAsDigits ? String(placement.box) : safeCellText(label ?? '') }
        if (current?.text?.trim() !== String(write.value)) writes.set(boxColumn, { write })
      }
    }
    const move = moved ? lastMove.get(placement.employeeId) : undefined
    writes.set(boxAt, { write: { kind: 'number', value: placement.box } })
    writes.set(changedAt, {
      write: { kind: 'text', value: tr.t(moved ? 'calibration.into.yes' : 'calibration.into.no') },
    })
    // The words someone typed in the meeting, as typed: the HRIS keeps them as the comment on the change.
    if (move) writes.set(reasonAt, { write: { kind: 'text', value: safeCellText(move.reason) } })
    else if (earlier && cellAt(row, reasonAt)?.text) writes.set(reasonAt, { write: { kind: 'blank' } })
    for (const [column, { write }] of writes) {
      const current = cellAt(row, column)
      // A computed cell (a 9-box worked out from the ratings) keeps its formula: it follows the ratings written here.
      if (current?.formula) writes.delete(column)
      // A cell that already says it stays byte for byte (an earlier calibration's column, mostly).
      else if (current && sameValue(current, write)) writes.delete(column)
    }
    cells.set(row.number, writes)
  }
  return { cells, lastColumn: reasonAt, people, changed }
}
