import { english, message, type Message } from '../../shared/i18n/translate'
import { displayCell, isBlank, type Cell } from './cells'
import { fieldsOf, type FieldSpec, type TabularKind } from './fields'
import type { DateFormat } from './parseDate'
import type { Parsed } from './parseDate'
import { parseFieldValue, type FieldValue, type ParseContext } from './parseValue'
import { looksNumeric, ratingFromLabel, scaleWords, toProficiency, type RatingScale } from './ratingScales'

/** One problem with the input, located as precisely as the person needs to fix it in their spreadsheet. */
export interface ImportIssue {
  sheet: string | null
  /** 1-based row number in the file as a spreadsheet shows it (the header row included). */
  row: number
  column: string | null
  value: string | null
  code: string
  /** In English, for the CLI's JSON, logs and tests. */
  message: string
  /** The same, as catalogue key and values, shown in the user's language. */
  text: Message
}

/** An issue's English `message` and its catalogue `text` from one message. */
export const issueText = (text: Message): { message: string; text: Message } => ({
  message: english(text),
  text,
})

export interface ValidatedRow {
  row: number
  values: Record<string, FieldValue>
}

export const RATING_FIELDS = ['overallRating', 'potentialRating'] as const
export type RatingField = (typeof RATING_FIELDS)[number]

export interface ValidatorOptions {
  kind: TabularKind
  sheet: string | null
  headers: readonly string[]
  /** Column index → field name; unmapped columns are dropped. */
  mapping: ReadonlyMap<number, string>
  /**
   * Column index → review cycle, for columns that hold one cycle each ("2023 Rating", "2024 Rating"): a row then
   * gives one review per cycle.
   */
  cycles: ReadonlyMap<number, string>
  dateFormat: DateFormat | null
  decimalComma: boolean
  referenceYear: number
  excelDate1904: boolean | null
  /** The source scale of levels (competencies), when the file does not carry one. */
  scale: { min: number; max: number } | null
  /** The scale each rating field is read with (reviews): numbers, or words with their values; null when unknown. */
  ratingScales: Readonly<Record<RatingField, RatingScale | null>>
  /** What a blank overall rating means: the person was not rated in that cycle (the default), or an error. */
  blankRating: 'not-rated' | 'error'
  /** Values for fields the file has no column for, e.g. the cycle of a one-cycle review export. */
  constants: Readonly<Record<string, string>>
  /** CSV rows must have as many fields as the header (a spreadsheet's rows simply end early). */
  strictWidth: boolean
}

/** The column a field came from and its cell, for an issue about that field. */
function cellAt(
  columnOf: Record<string, number>,
  cells: readonly Cell[],
  field: string,
): [number | null, Cell | undefined] {
  const column = columnOf[field]
  return column === undefined ? [null, undefined] : [column, cells[column] ?? null]
}

/** Distinct texts remembered per field (see parseText): a few hundred KB at most. */
const REMEMBERED_TEXTS = 4_096

const KEY_FIELDS: Record<TabularKind, readonly string[] | null> = {
  people: ['employeeId'],
  reviews: ['employeeId', 'cycle'],
  competencies: ['employeeId', 'cycle', 'skill', 'source'],
  learning: null, // a person can take the same course twice; exact repeats are caught by the store instead
  surveys: null,
}

/**
 * Checks a mapping before any row is read: every required field must be mapped (or given as a constant), and a
 * review import needs a rating scale. Problems are reported against the header row.
 */
export function checkMapping(options: ValidatorOptions, headerRow: number): ImportIssue[] {
  const mapped = new Set([...options.mapping.values(), ...Object.keys(options.constants)])
  // Columns that each hold one cycle name it themselves; a cycle column is needed only for a rating without one.
  const untaggedRating = [...options.mapping].some(
    ([column, field]) => field === 'overallRating' && !options.cycles.has(column),
  )
  if (options.cycles.size > 0 && !untaggedRating) mapped.add('cycle')
  const issues: ImportIssue[] = []
  const issue = (code: string, text: Message): void => {
    issues.push({ sheet: options.sheet, row: headerRow, column: null, value: null, code, ...issueText(text) })
  }
  const seen = options.headers.filter((h) => h.trim() !== '').join(', ')
  for (const field of fieldsOf(options.kind)) {
    if (field.required && !mapped.has(field.name)) {
      issue(
        'MISSING_FIELD',
        options.kind === 'reviews' && field.name === 'cycle'
          ? message('import.issues.missingCycle', { seen })
          : message('import.issues.missingField', { name: field.name, label: field.labelText, seen }),
      )
    }
  }
  const groups = new Set(fieldsOf(options.kind).flatMap((f) => (f.oneOf ? [f.oneOf] : [])))
  for (const group of groups) {
    const members = fieldsOf(options.kind).filter((f) => f.oneOf === group)
    if (!members.some((f) => mapped.has(f.name))) {
      const names = members.map((f): string | Message => f.name)
      const fields = names.slice(1).reduce((a, b) => message('import.issues.or', { a, b }), names[0] ?? '')
      issue('MISSING_FIELD', message('import.issues.mapOneOf', { fields, seen }))
    }
  }
  if (
    options.kind === 'reviews' &&
    !options.ratingScales.overallRating &&
    !(mapped.has('ratingScaleMin') && mapped.has('ratingScaleMax'))
  ) {
    issue('NO_RATING_SCALE', message('import.issues.noRatingScale'))
  }
  return issues
}

export class RowValidator {
  readonly issues: ImportIssue[] = []
  private readonly fields: { column: number; spec: FieldSpec; seen: Map<string, Parsed<FieldValue>> }[]
  private readonly context: ParseContext
  private readonly keys = new Map<string, number>()
  /** The constants read like a cell of their field ("Exam" is an assessment, "100" a number); else as given. */
  private readonly constants: Record<string, FieldValue> = {}

  constructor(private readonly options: ValidatorOptions) {
    this.fields = [...options.mapping].flatMap(([column, name]) => {
      const spec = fieldsOf(options.kind).find((f) => f.name === name)
      return spec ? [{ column, spec, seen: new Map<string, Parsed<FieldValue>>() }] : []
    })
    this.context = {
      format: options.dateFormat,
      referenceYear: options.referenceYear,
      excelDate1904: options.excelDate1904,
      decimalComma: options.decimalComma,
    }
    for (const [name, value] of Object.entries(options.constants)) {
      const spec = fieldsOf(options.kind).find((f) => f.name === name)
      const parsed = spec ? parseFieldValue(value, spec.type, this.context) : null
      this.constants[name] = parsed?.ok && parsed.value !== null ? parsed.value : value
    }
  }

  private report(
    row: number,
    column: number | null,
    cell: Cell | undefined,
    code: string,
    text: Message,
  ): void {
    this.issues.push({
      sheet: this.options.sheet,
      row,
      column: column === null ? null : (this.options.headers[column] ?? `column ${column + 1}`),
      value: cell === undefined ? null : displayCell(cell),
      code,
      ...issueText(text),
    })
  }

  /** Blank overall ratings read as "not rated", by cycle: reported once per import, not per row. */
  readonly notRated = new Map<string, number>()

  /** Validates one row; returns its typed values, or null (with issues recorded) when anything is wrong. */
  accept(row: number, cells: readonly Cell[]): ValidatedRow | null {
    const records = this.acceptRecords(row, cells)
    return records === null ? null : (records[0] ?? null)
  }

  /**
   * Validates one row into the records it holds: one, or for a review row with a column per cycle, one per cycle
   * that has a rating (a blank rating is "not rated", not an error, unless the mapping says otherwise). Null (with
   * issues recorded) when anything is wrong: the row is all or nothing too.
   */
  acceptRecords(row: number, cells: readonly Cell[]): ValidatedRow[] | null {
    const before = this.issues.length
    if (this.options.strictWidth && cells.length !== this.options.headers.length) {
      // A ragged row means a quote or delimiter went wrong; its values may sit under the wrong headers.
      this.report(
        row,
        null,
        undefined,
        'RAGGED_ROW',
        message('import.issues.ragged', {
          count: String(cells.length),
          header: String(this.options.headers.length),
        }),
      )
      return null
    }
    const base: Record<string, FieldValue> = { ...this.constants }
    const columnOf: Record<string, number> = {}
    /** cycle → the values of the columns that hold that cycle. */
    const byCycle = new Map<
      string,
      { values: Record<string, FieldValue>; columnOf: Record<string, number> }
    >()
    for (const { column, spec, seen } of this.fields) {
      const cell = cells[column] ?? null
      const cycle = this.options.cycles.get(column)
      const target = cycle === undefined ? base : this.cycleEntry(byCycle, cycle).values
      ;(cycle === undefined ? columnOf : this.cycleEntry(byCycle, cycle).columnOf)[spec.name] = column
      const scale =
        this.options.kind === 'reviews' && (spec.name === 'overallRating' || spec.name === 'potentialRating')
          ? this.options.ratingScales[spec.name]
          : null
      if (scale?.labels && typeof cell === 'string' && !isBlank(cell) && !looksNumeric(cell)) {
        const rating = ratingFromLabel(scale, cell)
        if (rating === null)
          this.report(
            row,
            column,
            cell,
            'UNKNOWN_RATING',
            message('import.issues.unknownRatingWord', {
              scale: scale.name,
              words: scaleWords(scale).join(', '),
            }),
          )
        target[spec.name] = rating
        continue
      }
      const parsed =
        typeof cell === 'string' && spec.type !== 'text'
          ? this.parseText(seen, cell, spec)
          : parseFieldValue(cell, spec.type, this.context)
      if (!parsed.ok) {
        this.report(row, column, cell, parsed.code, parsed.text)
        continue
      }
      const blankIsNotRated = spec.name === 'overallRating' && this.options.blankRating === 'not-rated'
      if (
        parsed.value === null &&
        spec.required &&
        !(spec.name in this.options.constants) &&
        !blankIsNotRated
      ) {
        this.report(
          row,
          column,
          cell,
          'REQUIRED',
          message('import.issues.required', { label: spec.labelText }),
        )
        continue
      }
      if (parsed.value !== null || !(spec.name in target)) target[spec.name] = parsed.value
    }
    // A row without cycle columns is one record: its values as read (nothing else holds them).
    const candidates =
      byCycle.size === 0 ? [{ values: base, columnOf }] : this.cycleCandidates(base, columnOf, byCycle)
    const records: ValidatedRow[] = []
    for (const candidate of candidates) {
      if (this.options.kind === 'reviews' && candidate.values['overallRating'] == null) {
        // Not rated in this cycle (a new joiner, say): nothing to store, and not a reason to refuse the row.
        if (this.issues.length === before && this.options.blankRating === 'not-rated') {
          const cycle = String(candidate.values['cycle'] ?? '')
          this.notRated.set(cycle, (this.notRated.get(cycle) ?? 0) + 1)
        }
        continue
      }
      this.checkKind(row, candidate.values, candidate.columnOf, cells)
      records.push({ row, values: candidate.values })
    }
    if (this.issues.length > before) return null
    for (const record of records) this.checkDuplicate(row, record.values)
    return this.issues.length > before ? null : records
  }

  /**
   * A text cell's value, remembered per field: a large file repeats the same statuses, types, dates, scores and
   * course IDs row after row, and parsing depends only on the text, the field's type and the file's settings, all
   * fixed for the import. The memory is bounded; past it, texts are parsed each time as before. Plain text fields
   * are not remembered: tidying their spaces costs about what looking them up does.
   */
  private parseText(
    seen: Map<string, Parsed<FieldValue>>,
    cell: string,
    spec: FieldSpec,
  ): Parsed<FieldValue> {
    let parsed = seen.get(cell)
    if (parsed === undefined) {
      parsed = parseFieldValue(cell, spec.type, this.context)
      if (seen.size < REMEMBERED_TEXTS) seen.set(cell, parsed)
    }
    return parsed
  }

  /**
   * One record per cycle: a column tagged with the cycle the row's own cycle (column or constant) names adds to
   * that record rather than making a second one.
   */
  private cycleCandidates(
    base: Record<string, FieldValue>,
    columnOf: Record<string, number>,
    byCycle: Map<string, { values: Record<string, FieldValue>; columnOf: Record<string, number> }>,
  ): { values: Record<string, FieldValue>; columnOf: Record<string, number> }[] {
    type Candidate = { values: Record<string, FieldValue>; columnOf: Record<string, number> }
    const candidates = new Map<string, Candidate>()
    const untaggedRating = this.fields.some(
      (f) => f.spec.name === 'overallRating' && !this.options.cycles.has(f.column),
    )
    if (untaggedRating)
      candidates.set(String(base['cycle'] ?? ''), { values: { ...base }, columnOf: { ...columnOf } })
    for (const [cycle, entry] of byCycle) {
      const existing = candidates.get(cycle)
      if (existing) {
        Object.assign(existing.values, entry.values)
        Object.assign(existing.columnOf, entry.columnOf)
      } else
        candidates.set(cycle, {
          values: { ...base, ...entry.values, cycle },
          columnOf: { ...columnOf, ...entry.columnOf },
        })
    }
    return [...candidates.values()]
  }

  private cycleEntry(
    byCycle: Map<string, { values: Record<string, FieldValue>; columnOf: Record<string, number> }>,
    cycle: string,
  ): { values: Record<string, FieldValue>; columnOf: Record<string, number> } {
    let entry = byCycle.get(cycle)
    if (!entry) byCycle.set(cycle, (entry = { values: {}, columnOf: {} }))
    return entry
  }

  private checkKind(
    row: number,
    v: Record<string, FieldValue>,
    columnOf: Record<string, number>,
    cells: readonly Cell[],
  ): void {
    switch (this.options.kind) {
      case 'reviews': {
        const scale = this.options.ratingScales.overallRating
        const min = typeof v['ratingScaleMin'] === 'number' ? v['ratingScaleMin'] : scale?.min
        const max = typeof v['ratingScaleMax'] === 'number' ? v['ratingScaleMax'] : scale?.max
        const rating = v['overallRating']
        if (min === undefined || max === undefined || !(max > min)) {
          this.report(row, null, undefined, 'NO_RATING_SCALE', message('import.issues.badScale'))
          break
        }
        if (typeof rating === 'number' && (rating < min || rating > max)) {
          this.report(
            row,
            ...cellAt(columnOf, cells, 'overallRating'),
            'RATING_OUT_OF_SCALE',
            message('import.issues.ratingOutOfScale', { min: String(min), max: String(max) }),
          )
          break
        }
        v['ratingScaleMin'] = min
        v['ratingScaleMax'] = max
        const potential = v['potentialRating']
        const potentialScale = this.options.ratingScales.potentialRating
        if (typeof potential === 'number' && potentialScale) {
          if (potential < potentialScale.min || potential > potentialScale.max)
            this.report(
              row,
              ...cellAt(columnOf, cells, 'potentialRating'),
              'RATING_OUT_OF_SCALE',
              message('import.issues.ratingOutOfScale', {
                min: String(potentialScale.min),
                max: String(potentialScale.max),
              }),
            )
        }
        break
      }
      case 'competencies': {
        const level = v['level']
        if (typeof level !== 'number') break
        const scale = this.options.scale ?? { min: 1, max: 5 }
        const converted = toProficiency(level, scale)
        if (level < scale.min || level > scale.max || !Number.isInteger(converted)) {
          this.report(
            row,
            ...cellAt(columnOf, cells, 'level'),
            'LEVEL_OUT_OF_SCALE',
            message('import.issues.levelOutOfScale', { min: String(scale.min), max: String(scale.max) }),
          )
        } else {
          v['level'] = converted
        }
        v['source'] ??= 'manager'
        break
      }
      case 'learning': {
        if (v['employeeId'] == null && v['email'] == null) {
          this.report(row, null, undefined, 'MISSING_LEARNER', message('import.issues.missingLearner'))
        }
        v['status'] ??= v['completedAt'] != null ? 'completed' : 'enrolled'
        const score = v['score']
        if (typeof score === 'number') {
          const cell = cellAt(columnOf, cells, 'score')[1]
          if (typeof cell === 'string' && cell.trim().endsWith('%')) {
            v['score'] = score * 100
            v['scoreMin'] ??= 0
            v['scoreMax'] ??= 100
          }
          const lo = v['scoreMin']
          const hi = v['scoreMax']
          if (
            typeof lo === 'number' &&
            typeof hi === 'number' &&
            (hi <= lo || (v['score'] as number) < lo || (v['score'] as number) > hi)
          ) {
            this.report(
              row,
              ...cellAt(columnOf, cells, 'score'),
              'SCORE_OUT_OF_RANGE',
              message('import.issues.scoreOutOfRange', { min: String(lo), max: String(hi) }),
            )
          }
        }
        break
      }
      case 'people':
      case 'surveys':
        break
    }
  }

  private checkDuplicate(row: number, values: Record<string, FieldValue>): void {
    const keyFields = KEY_FIELDS[this.options.kind]
    if (!keyFields) return
    const key = keyFields.map((f) => String(values[f] ?? '').toLowerCase()).join('\u0000')
    const first = this.keys.get(key)
    if (first === undefined) {
      this.keys.set(key, row)
      return
    }
    const column = [...this.options.mapping].find(([, f]) => f === keyFields[0])?.[0] ?? null
    this.report(
      row,
      column,
      String(values[keyFields[0] ?? ''] ?? ''),
      'DUPLICATE_KEY',
      message('import.issues.duplicateKey', { fields: keyFields.join(' + '), row: String(first) }),
    )
  }
}
