import type { MappingSpec } from '../../shared/contract'
import { message, type Message } from '../../shared/i18n/translate'
import { AppError } from '../../shared/result'
import { displayCell, isBlank, type Cell } from '../../core/import/cells'
import { distinctHeaders, suggestCycleColumns, suggestMapping } from '../../core/import/autoMap'
import { bestHeaderRow, detectHeaderRow } from '../../core/import/detectHeader'
import { fieldsOf, type TabularKind } from '../../core/import/fields'
import { detectDateFormat } from '../../core/import/parseDate'
import { readRatingColumns, type RatingColumnsReading } from '../../core/import/ratingColumns'
import {
  checkMapping,
  issueText,
  type ImportIssue,
  type RatingField,
  type ValidatorOptions,
} from '../../core/import/validateRows'
import type { SourceRow } from './readers/types'
import type { OpenedTable } from './openTable'
import { chooseSheet } from './chooseSheet'

const HEAD_ROWS = 1_000

export interface PreparedImport {
  sheet: string | null
  headerRow: number | null
  headers: string[]
  /** Column index → field (and the cycle it holds), with the confidence of each suggestion (1 when given). */
  mapping: Map<number, { field: string; confidence: number; cycle?: string }>
  /** What the rating columns hold and the scale each is read with (reviews). */
  ratings: RatingColumnsReading[]
  /** Sheets before the chosen one that were passed over as not holding the columns (title sheets). */
  passedOver: string[]
  dateFormat: { format: ValidatorOptions['dateFormat']; ambiguous: boolean }
  validator: ValidatorOptions
  /** Problems with the mapping itself, reported against the header row; non-empty means nothing can be imported. */
  mappingIssues: ImportIssue[]
  /** The saved mapping profile that was applied, when the file's headers matched one. */
  profile: string | null
  /** The rows read so far (up to 1,000), replayed before the rest of the stream. */
  head: SourceRow[]
  rest: AsyncGenerator<SourceRow>
}

/**
 * Reads the start of a sheet and settles everything the rows depend on: the header row, the mapping (the
 * person's, else auto-suggested), the date format and, for reviews, a text rating scale.
 */
export async function prepareImport(
  table: OpenedTable,
  kind: TabularKind,
  spec: MappingSpec,
  referenceYear: number,
  signal?: AbortSignal,
  findProfile?: (
    kind: TabularKind,
    headers: readonly string[],
  ) => { name: string; mapping: MappingSpec } | null,
): Promise<PreparedImport> {
  const chosen =
    table.format === 'xlsx' && spec.sheet === undefined
      ? await chooseSheet(table, kind, signal)
      : { sheet: table.format === 'xlsx' ? (spec.sheet ?? null) : null, passedOver: [] }
  const sheet = chosen.sheet
  if (sheet !== null && !table.sheets.some((s) => s.name === sheet)) {
    throw new AppError(
      'INVALID_INPUT',
      message('import.errors.noSheet', {
        file: table.fileName,
        sheet,
        sheets: table.sheets.map((s) => s.name).join(', '),
      }),
    )
  }
  const rest = table.rows(sheet, signal)
  const head: SourceRow[] = []
  for (;;) {
    if (head.length >= HEAD_ROWS) break
    const next = await rest.next()
    if (next.done) break
    head.push(next.value)
  }
  const headerRow =
    spec.headerRow ??
    detectHeaderRow(
      head.filter((r) => r.cells.some((c) => !isBlank(c))),
      kind,
    )
  const headerCells = head.find((r) => r.row === headerRow)?.cells ?? []
  // A header repeated in one sheet ("2023 Rating" twice) is told apart by its occurrence: "2023 Rating (2)".
  const headers = distinctHeaders(headerCells.map((c) => displayCell(c).trim()))
  const mapping: PreparedImport['mapping'] = new Map()
  const issue = (code: string, text: Message): ImportIssue => ({
    sheet,
    row: headerRow ?? 1,
    column: null,
    value: null,
    code,
    ...issueText(text),
  })
  const mappingIssues: ImportIssue[] = []
  let profile: string | null = null
  // A saved profile brings its date format, scale and constants too; what the caller passes still wins.
  let effective: MappingSpec = spec

  // A saved profile for files of this shape brings its scales, date format and blank meaning even when the
  // columns are given (the wizard sends them); what the caller passes still wins.
  const saved = headerRow === null ? null : (findProfile?.(kind, headers) ?? null)
  if (saved) {
    profile = saved.name
    effective = { ...saved.mapping, ...spec }
  }
  const headerOnly = headerRow === null ? bestHeaderRow(head, kind, false) : null
  if (headerOnly) {
    // Column names and nothing under them (an export of nobody): say that, not that the header is missing.
    mappingIssues.push({
      ...issue('NO_ROWS', message('import.issues.noRows', { sheet: sheet ?? table.fileName })),
      row: headerOnly.row,
    })
  } else if (headerRow === null) {
    mappingIssues.push(issue('NO_HEADER_ROW', message('import.issues.noHeaderRow')))
  } else if (spec.columns) {
    const known = new Set(fieldsOf(kind).map((f) => f.name))
    for (const [header, target] of Object.entries(spec.columns)) {
      const { field, cycle } = typeof target === 'string' ? { field: target, cycle: undefined } : target
      const column = headers.findIndex((h) => h === header.trim())
      if (!known.has(field))
        mappingIssues.push(issue('UNKNOWN_FIELD', message('import.issues.unknownField', { field, kind })))
      else if (column < 0)
        mappingIssues.push(
          issue(
            'UNKNOWN_COLUMN',
            message('import.issues.unknownColumn', { header, seen: headers.filter(Boolean).join(', ') }),
          ),
        )
      else mapping.set(column, { field, confidence: 1, ...(cycle ? { cycle } : {}) })
    }
  } else {
    const savedColumns = saved?.mapping.columns
    if (savedColumns) {
      for (const [header, target] of Object.entries(savedColumns)) {
        const column = headers.findIndex((h) => h === header)
        const { field, cycle } = typeof target === 'string' ? { field: target, cycle: undefined } : target
        if (column >= 0) mapping.set(column, { field, confidence: 1, ...(cycle ? { cycle } : {}) })
      }
    } else {
      for (const [column, suggestion] of suggestMapping(headers, kind)) mapping.set(column, suggestion)
      // A rating column whose header names its year holds that cycle: one row, several reviews.
      if (kind === 'reviews') for (const [column, s] of suggestCycleColumns(headers)) mapping.set(column, s)
    }
  }

  const dataRows = headerRow === null ? [] : head.filter((r) => r.row > headerRow)
  const dateSamples: Cell[] = []
  for (const [column, { field }] of mapping) {
    if (fieldsOf(kind).find((f) => f.name === field)?.type === 'date')
      dateSamples.push(...dataRows.map((r) => r.cells[column] ?? null))
  }
  const detected = detectDateFormat(dateSamples)
  const ratings =
    kind === 'reviews'
      ? readRatingColumns(
          (field) =>
            [...mapping]
              .filter(([, m]) => m.field === field)
              .map(([column]) => ({ column, header: headers[column] ?? '' })),
          dataRows,
          effective,
        )
      : []
  const scaleOf = (field: RatingField): RatingColumnsReading['scale'] =>
    ratings.find((r) => r.field === field)?.scale ?? null
  for (const reading of ratings.filter((r) => r.origin === 'unknown')) {
    // Words that are no known scale: the person orders them (the wizard asks; the CLI says how, and exits 2).
    mappingIssues.push(
      issue(
        'UNKNOWN_RATING_WORDS',
        message('import.issues.unknownRatingWords', {
          header: reading.headers.join('", "'),
          words: reading.words.map((w) => `${w.word} (${w.count})`).join(', '),
          scaleKey: reading.field === 'potentialRating' ? 'potentialScale' : 'scale',
          example: reading.words
            .slice(0, 3)
            .map((w, i) => `${JSON.stringify(w.word)}: ${i + 1}`)
            .join(', '),
        }),
      ),
    )
  }

  const validator: ValidatorOptions = {
    kind,
    sheet,
    headers,
    mapping: new Map([...mapping].map(([column, m]) => [column, m.field])),
    cycles: new Map(
      [...mapping].flatMap(([column, m]): [number, string][] => (m.cycle ? [[column, m.cycle]] : [])),
    ),
    dateFormat: effective.dateFormat ?? detected.format,
    decimalComma: table.delimiter === ';',
    referenceYear,
    excelDate1904: table.format === 'xlsx' ? Boolean(table.date1904) : null,
    // Competency levels take a numeric source scale; review ratings go through the scales settled above.
    scale: effective.scale && !('labels' in effective.scale) ? effective.scale : null,
    ratingScales: { overallRating: scaleOf('overallRating'), potentialRating: scaleOf('potentialRating') },
    blankRating: effective.blankRating ?? 'not-rated',
    constants: effective.constants ?? {},
    strictWidth: table.format === 'csv',
  }
  if (headerRow !== null && mappingIssues.every((i) => i.code === 'UNKNOWN_RATING_WORDS')) {
    // Words still to be ordered already say why there is no scale.
    const unordered = ratings.some((r) => r.field === 'overallRating' && r.origin === 'unknown')
    mappingIssues.push(
      ...checkMapping(validator, headerRow).filter((i) => !(unordered && i.code === 'NO_RATING_SCALE')),
    )
  }
  if (detected.contradictory && !effective.dateFormat) {
    mappingIssues.push(issue('MIXED_DATE_FORMATS', message('import.issues.mixedDates')))
  }
  return {
    profile,
    sheet,
    headerRow,
    headers,
    mapping,
    ratings,
    passedOver: chosen.passedOver,
    dateFormat: { format: validator.dateFormat, ambiguous: detected.ambiguous && !effective.dateFormat },
    validator,
    mappingIssues,
    head,
    rest,
  }
}
