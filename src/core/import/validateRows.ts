import { english, message, type Message } from '../../shared/i18n/translate'
import { displayCell, isBlank, isCellError, type Cell } from './cells'
import { fieldsOf, type FieldSpec, type TabularKind } from './fields'
import type { DateFormat } from './parseDate'
import { parseFieldValue, type FieldValue, type ParseContext } from './parseValue'
import { ratingFromLabel, toProficiency, type RatingScale } from './ratingScales'

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

export interface ValidatorOptions {
  kind: TabularKind
  sheet: string | null
  headers: readonly string[]
  /** Column index → field name; unmapped columns are dropped. */
  mapping: ReadonlyMap<number, string>
  dateFormat: DateFormat | null
  decimalComma: boolean
  referenceYear: number
  excelDate1904: boolean | null
  /** The rating scale (reviews) or the source scale of levels (competencies), when the file does not carry one. */
  scale: { min: number; max: number } | null
  /** A text rating scale detected from the column's labels (reviews). */
  textScale: RatingScale | null
  /** Values for fields the file has no column for, e.g. the cycle of a one-cycle review export. */
  constants: Readonly<Record<string, string>>
  /** CSV rows must have as many fields as the header (a spreadsheet's rows simply end early). */
  strictWidth: boolean
}

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
  const issues: ImportIssue[] = []
  const issue = (code: string, text: Message): void => {
    issues.push({ sheet: options.sheet, row: headerRow, column: null, value: null, code, ...issueText(text) })
  }
  const seen = options.headers.filter((h) => h.trim() !== '').join(', ')
  for (const field of fieldsOf(options.kind)) {
    if (field.required && !mapped.has(field.name)) {
      issue(
        'MISSING_FIELD',
        message('import.issues.missingField', { name: field.name, label: field.labelText, seen }),
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
    !options.scale &&
    !options.textScale &&
    !(mapped.has('ratingScaleMin') && mapped.has('ratingScaleMax'))
  ) {
    issue('NO_RATING_SCALE', message('import.issues.noRatingScale'))
  }
  return issues
}

export class RowValidator {
  readonly issues: ImportIssue[] = []
  private readonly fields: { column: number; spec: FieldSpec }[]
  private readonly context: ParseContext
  private readonly keys = new Map<string, number>()
  /** The constants read like a cell of their field ("Exam" is an assessment, "100" a number); else as given. */
  private readonly constants: Record<string, FieldValue> = {}

  constructor(private readonly options: ValidatorOptions) {
    this.fields = [...options.mapping].flatMap(([column, name]) => {
      const spec = fieldsOf(options.kind).find((f) => f.name === name)
      return spec ? [{ column, spec }] : []
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

  /** Validates one row; returns its typed values, or null (with issues recorded) when anything is wrong. */
  accept(row: number, cells: readonly Cell[]): ValidatedRow | null {
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
    const values: Record<string, FieldValue> = { ...this.constants }
    const columnOf: Record<string, number> = {}
    for (const { column, spec } of this.fields) {
      const cell = cells[column] ?? null
      columnOf[spec.name] = column
      if (
        spec.type === 'rating' &&
        this.options.textScale &&
        typeof cell === 'string' &&
        !isBlank(cell) &&
        !/^[\d.,\s%-]+$/.test(cell)
      ) {
        const rating = ratingFromLabel(this.options.textScale, cell)
        if (rating === null)
          this.report(
            row,
            column,
            cell,
            'UNKNOWN_RATING',
            message('import.issues.unknownRating', { scale: this.options.textScale.name }),
          )
        values[spec.name] = rating
        continue
      }
      const parsed = parseFieldValue(cell, spec.type, this.context)
      if (!parsed.ok) {
        this.report(row, column, cell, parsed.code, parsed.text)
        continue
      }
      if (parsed.value === null && spec.required && !(spec.name in this.options.constants)) {
        this.report(
          row,
          column,
          cell,
          'REQUIRED',
          message('import.issues.required', { label: spec.labelText }),
        )
        continue
      }
      if (parsed.value !== null || !(spec.name in values)) values[spec.name] = parsed.value
    }
    for (const [column, cell] of cells.entries()) {
      if (!this.options.mapping.has(column) && isCellError(cell)) continue // unmapped columns are dropped, errors and all
    }
    this.checkKind(row, values, columnOf, cells)
    if (this.issues.length > before) return null
    this.checkDuplicate(row, values)
    return this.issues.length > before ? null : { row, values }
  }

  private checkKind(
    row: number,
    v: Record<string, FieldValue>,
    columnOf: Record<string, number>,
    cells: readonly Cell[],
  ): void {
    const at = (field: string): [number | null, Cell | undefined] => {
      const column = columnOf[field]
      return column === undefined ? [null, undefined] : [column, cells[column] ?? null]
    }
    switch (this.options.kind) {
      case 'reviews': {
        const min =
          typeof v['ratingScaleMin'] === 'number'
            ? v['ratingScaleMin']
            : (this.options.scale?.min ?? this.options.textScale?.min)
        const max =
          typeof v['ratingScaleMax'] === 'number'
            ? v['ratingScaleMax']
            : (this.options.scale?.max ?? this.options.textScale?.max)
        const rating = v['overallRating']
        if (min === undefined || max === undefined || !(max > min)) {
          this.report(row, null, undefined, 'NO_RATING_SCALE', message('import.issues.badScale'))
        } else if (typeof rating === 'number' && (rating < min || rating > max)) {
          this.report(
            row,
            ...at('overallRating'),
            'RATING_OUT_OF_SCALE',
            message('import.issues.ratingOutOfScale', { min: String(min), max: String(max) }),
          )
        } else {
          v['ratingScaleMin'] = min
          v['ratingScaleMax'] = max
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
            ...at('level'),
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
          const cell = at('score')[1]
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
              ...at('score'),
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
