import { z } from 'zod'

/** A rating column's scale as the import read it; labels are the words of a text scale and what each is worth. */
const scaleSchema = z
  .object({ min: z.number(), max: z.number(), labels: z.record(z.string(), z.number()).optional() })
  .nullable()

/** Where a reviews import found things in its file: the sheet, the header row and each mapped column. */
export const importLayout = z.object({
  sheet: z.string().nullable(),
  /** 1-based, as a spreadsheet numbers rows. */
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  columns: z.array(
    z.object({
      /** 0-based. */
      column: z.number().int().min(0),
      header: z.string(),
      field: z.string(),
      cycle: z.string().nullable(),
    }),
  ),
  scales: z.object({ overallRating: scaleSchema, potentialRating: scaleSchema }),
})
export type ImportLayout = z.output<typeof importLayout>
export type ImportScale = NonNullable<ImportLayout['scales']['overallRating']>

export interface ImportBatchRow {
  id: string
  file_name: string
  sha256: string
  mapping_json: string
  created_at: string
}

/** The workbook as far as finding a layout needs it: its sheets and the text of a sheet's first rows. */
export interface WorkbookProbe {
  sheets: readonly { name: string; hidden: boolean }[]
  firstRows: (sheet: string) => readonly { number: number; texts: ReadonlyMap<number, string> }[]
}

const storedMapping = z
  .object({
    sheet: z.string().optional(),
    headerRow: z.number().int().optional(),
    scale: z.object({ min: z.number(), max: z.number() }).optional(),
    /** Header → field, or header → {field, cycle} for a column holding one of several cycles. */
    applied: z
      .record(
        z.string(),
        z.union([z.string(), z.object({ field: z.string(), cycle: z.string().nullish() }).passthrough()]),
      )
      .default({}),
    layout: z.unknown().optional(),
  })
  .passthrough()

const HEADER_SEARCH_ROWS = 50
const normalise = (text: string): string => text.trim()

/**
 * The layout of a reviews import, from its batch record. Imports record it in `mapping_json.layout`; a batch from
 * before that records only the mapping it applied (header → field), so its layout is found again in the file: the
 * sheet and row whose headers are the applied ones. Null when the file does not hold them (any more).
 */
export function importLayoutOf(batch: ImportBatchRow, workbook: WorkbookProbe): ImportLayout | null {
  const mapping = storedMapping.parse(JSON.parse(batch.mapping_json))
  // A layout the import recorded is the truth about the file; one this build cannot read is found again below.
  const recorded = importLayout.safeParse(mapping.layout)
  if (recorded.success) return recorded.data
  const applied = new Map(
    Object.entries(mapping.applied).map(([header, target]) => [
      normalise(header),
      typeof target === 'string'
        ? { field: target, cycle: null }
        : { field: target.field, cycle: target.cycle ?? null },
    ]),
  )
  if (applied.size === 0) return null
  const candidates = mapping.sheet
    ? workbook.sheets.filter((s) => s.name === mapping.sheet)
    : [...workbook.sheets.filter((s) => !s.hidden), ...workbook.sheets.filter((s) => s.hidden)]
  for (const sheet of candidates) {
    const rows = workbook.firstRows(sheet.name).slice(0, HEADER_SEARCH_ROWS)
    const header = rows.find((row) =>
      mapping.headerRow !== undefined
        ? row.number === mapping.headerRow
        : [...applied.keys()].every((h) => [...row.texts.values()].some((t) => normalise(t) === h)),
    )
    if (!header) continue
    const headers: string[] = []
    const columns: ImportLayout['columns'] = []
    for (const [column, text] of [...header.texts].sort((a, b) => a[0] - b[0])) {
      headers[column] = text
      const target = applied.get(normalise(text))
      if (target !== undefined) columns.push({ column, header: text, ...target })
    }
    return {
      sheet: sheet.name,
      headerRow: header.number,
      headers: Array.from(headers, (h) => h ?? ''),
      columns,
      scales: { overallRating: mapping.scale ?? null, potentialRating: null },
    }
  }
  return null
}

/**
 * The column of a field for a session's cycle: the one recorded for that cycle, else the one recorded for no
 * particular cycle.
 */
export function columnFor(layout: ImportLayout, field: string, cycle: string): number | null {
  const columns = layout.columns.filter((c) => c.field === field)
  return (columns.find((c) => c.cycle === cycle) ?? columns.find((c) => c.cycle === null))?.column ?? null
}
