import { bestHeaderRow } from '../../core/import/detectHeader'
import { isBlank } from '../../core/import/cells'
import type { TabularKind } from '../../core/import/fields'
import type { SourceRow } from './readers/types'
import type { OpenedTable } from './openTable'

/** Rows read from each candidate sheet to judge it: title sheets and headers sit at the top. */
const SHEET_PROBE_ROWS = 40
/** Workbooks with dozens of sheets are reports; the data is among the first ones. */
const MAX_SHEETS_PROBED = 12

/**
 * The sheet that holds the columns to import, when the person did not say: each visible sheet's first rows are
 * read and the one whose header row names the most known fields wins (ties go to the earlier sheet). A title or
 * summary sheet before the data ("Summary", "9-Box Talent Review") is passed over; the caller says so.
 */
export async function chooseSheet(
  table: OpenedTable,
  kind: TabularKind,
  signal?: AbortSignal,
): Promise<{ sheet: string | null; passedOver: string[] }> {
  const visible = table.sheets.filter((s) => !s.hidden && (s.rowCount ?? 1) > 0)
  const fallback =
    visible[0]?.name ?? table.sheets.find((s) => !s.hidden)?.name ?? table.sheets[0]?.name ?? null
  if (visible.length < 2) return { sheet: fallback, passedOver: [] }
  let best: { sheet: string; score: number } | null = null
  for (const { name } of visible.slice(0, MAX_SHEETS_PROBED)) {
    const head: SourceRow[] = []
    const rows = table.rows(name, signal)
    try {
      for await (const row of rows) {
        if (row.cells.some((c) => !isBlank(c))) head.push(row)
        if (head.length >= SHEET_PROBE_ROWS) break
      }
    } finally {
      await rows.return(undefined)
    }
    const score = bestHeaderRow(head, kind, false)?.score ?? 0
    if (!best || score > best.score) best = { sheet: name, score }
  }
  const sheet = best && best.score > 0 ? best.sheet : fallback
  const index = visible.findIndex((s) => s.name === sheet)
  return { sheet, passedOver: index > 0 ? visible.slice(0, index).map((s) => s.name) : [] }
}
