import type { MappingSpec } from '../../shared/contract'
import { message, type Message } from '../../shared/i18n/translate'
import { AppError } from '../../shared/result'
import { displayCell, isBlank, type Cell } from '../../core/import/cells'
import { suggestMapping } from '../../core/import/autoMap'
import { detectHeaderRow } from '../../core/import/detectHeader'
import { fieldsOf, type TabularKind } from '../../core/import/fields'
import { detectDateFormat } from '../../core/import/parseDate'
import { detectTextScale } from '../../core/import/ratingScales'
import {
  checkMapping,
  issueText,
  type ImportIssue,
  type ValidatorOptions,
} from '../../core/import/validateRows'
import type { SourceRow } from './readers/types'
import type { OpenedTable } from './openTable'

const HEAD_ROWS = 1_000

export interface PreparedImport {
  sheet: string | null
  headerRow: number | null
  headers: string[]
  /** Column index → field, with the confidence of each auto-suggestion (1 for a mapping the person gave). */
  mapping: Map<number, { field: string; confidence: number }>
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
  const sheet =
    table.format === 'xlsx'
      ? (spec.sheet ??
        table.sheets.find((s) => !s.hidden && (s.rowCount ?? 1) > 0)?.name ??
        table.sheets[0]?.name ??
        null)
      : null
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
  const headers = headerCells.map((c) => displayCell(c).trim())
  const mapping = new Map<number, { field: string; confidence: number }>()
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

  if (headerRow === null) {
    mappingIssues.push(issue('NO_HEADER_ROW', message('import.issues.noHeaderRow')))
  } else if (spec.columns) {
    const known = new Set(fieldsOf(kind).map((f) => f.name))
    for (const [header, field] of Object.entries(spec.columns)) {
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
      else mapping.set(column, { field, confidence: 1 })
    }
  } else {
    const saved = findProfile?.(kind, headers) ?? null
    profile = saved?.name ?? null
    if (saved) effective = { ...saved.mapping, ...spec }
    const savedColumns = saved?.mapping.columns
    if (savedColumns) {
      for (const [header, field] of Object.entries(savedColumns)) {
        const column = headers.findIndex((h) => h === header)
        if (column >= 0) mapping.set(column, { field, confidence: 1 })
      }
    } else {
      for (const [column, suggestion] of suggestMapping(headers, kind)) mapping.set(column, suggestion)
    }
  }

  const dataRows = headerRow === null ? [] : head.filter((r) => r.row > headerRow)
  const columnOf = (field: string): number | undefined => [...mapping].find(([, m]) => m.field === field)?.[0]
  const dateSamples: Cell[] = []
  for (const [column, { field }] of mapping) {
    if (fieldsOf(kind).find((f) => f.name === field)?.type === 'date')
      dateSamples.push(...dataRows.map((r) => r.cells[column] ?? null))
  }
  const detected = detectDateFormat(dateSamples)
  const ratingColumn = columnOf('overallRating')
  const textScale =
    kind === 'reviews' && ratingColumn !== undefined
      ? detectTextScale(
          dataRows
            .map((r) => r.cells[ratingColumn])
            .filter((c): c is string => typeof c === 'string' && !/^[\d.,\s%-]+$/.test(c)),
        )
      : null

  const validator: ValidatorOptions = {
    kind,
    sheet,
    headers,
    mapping: new Map([...mapping].map(([column, m]) => [column, m.field])),
    dateFormat: effective.dateFormat ?? detected.format,
    decimalComma: table.delimiter === ';',
    referenceYear,
    excelDate1904: table.format === 'xlsx' ? Boolean(table.date1904) : null,
    scale: effective.scale ?? null,
    textScale,
    constants: effective.constants ?? {},
    strictWidth: table.format === 'csv',
  }
  if (headerRow !== null && mappingIssues.length === 0)
    mappingIssues.push(...checkMapping(validator, headerRow))
  if (detected.contradictory && !effective.dateFormat) {
    mappingIssues.push(issue('MIXED_DATE_FORMATS', message('import.issues.mixedDates')))
  }
  return {
    profile,
    sheet,
    headerRow,
    headers,
    mapping,
    dateFormat: { format: validator.dateFormat, ambiguous: detected.ambiguous && !effective.dateFormat },
    validator,
    mappingIssues,
    head,
    rest,
  }
}
