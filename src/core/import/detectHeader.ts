import { isBlank, type Cell } from './cells'
import { suggestMapping } from './autoMap'
import type { TabularKind } from './fields'

const looksLikeData = (cell: Cell): boolean =>
  typeof cell === 'number' ||
  cell instanceof Date ||
  typeof cell === 'boolean' ||
  (typeof cell === 'string' && /^[\d\s.,:/%+-]+$/.test(cell.trim()))

/**
 * Finds the header row among the first rows of a sheet: the row with the most text cells that name known fields,
 * ahead of title rows ("Berth line-up as on …") and blank rows. A sheet whose first rows are all data (dates,
 * numbers) has no header, and the caller must say so rather than take a date for a column name.
 */
export function detectHeaderRow(
  rows: readonly { row: number; cells: readonly Cell[] }[],
  kind: TabularKind,
): number | null {
  return bestHeaderRow(rows, kind)?.row ?? null
}

/**
 * The likeliest header row and how strongly it names the kind's fields: a sheet scores by its header, so a title
 * sheet ("Summary", "9-Box Talent Review") loses to the sheet that holds the columns.
 */
export function bestHeaderRow(
  rows: readonly { row: number; cells: readonly Cell[] }[],
  kind: TabularKind,
  /** Whether a header must have data under it (a header-only sheet still names its columns, for choosing it). */
  requireData = true,
): { row: number; score: number } | null {
  let best: { row: number; score: number } | null = null
  for (const [index, { row, cells }] of rows.slice(0, 30).entries()) {
    const filled = cells.filter((c) => !isBlank(c))
    const textCells = filled.filter((c) => typeof c === 'string' && !looksLikeData(c))
    if (textCells.length < 2 || textCells.length < filled.length * 0.6) continue
    if (requireData && !rows.slice(index + 1).some((r) => r.cells.some((c) => !isBlank(c)))) continue
    const headers = cells.map((c) => (typeof c === 'string' ? c : ''))
    const known = [...suggestMapping(headers, kind).values()].reduce((sum, s) => sum + s.confidence, 0)
    // Known field names decide; a header with no field in it only counts when there is nothing better.
    const score = known > 0 ? known * 10 + textCells.length : textCells.length / 100
    if (!best || score > best.score) best = { row, score }
  }
  return best
}
