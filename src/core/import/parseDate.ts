import { english, message, type Message, type MessageKey, type Params } from '../../shared/i18n/translate'
import type { Cell } from './cells'
import { isCellError } from './cells'

export const DATE_FORMATS = ['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY'] as const
export type DateFormat = (typeof DATE_FORMATS)[number]

/** A failure says what is wrong in English (`message`, for the CLI and logs) and as a catalogue message (`text`). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; message: string; text: Message }

/** A failed parse, its English message rendered from the catalogue. */
export function failure(
  code: string,
  key: MessageKey,
  params?: Params,
): { ok: false; code: string; message: string; text: Message } {
  const text = message(key, params)
  return { ok: false, code, message: english(text), text }
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/
const EXCEL_1900_EPOCH = Date.UTC(1899, 11, 30)
const EXCEL_1904_EPOCH = Date.UTC(1904, 0, 1)

/**
 * Two-digit years use a sliding window: up to ten years ahead of the reference year is 20xx, the rest 19xx.
 * So with 2026 as the reference, "36" is 2036 and "37" is 1937 — dates of birth ("83") land in the 1900s and
 * recent hire dates ("15") in the 2000s, which a fixed POSIX pivot (69) gets wrong for anyone born before 1969.
 */
export function expandTwoDigitYear(yy: number, referenceYear: number): number {
  const century = Math.floor(referenceYear / 100) * 100
  return yy <= (referenceYear % 100) + 10 ? century + yy : century - 100 + yy
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n))

function validDate(year: number, month: number, day: number): string | null {
  // Years 100–9999 are checked and written without a Date: a million-row file has a million dates. Other years
  // take the Date path below as they always did (it reads 0–99 as 1900–1999, so those never match).
  if (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 100 &&
    year <= 9999
  ) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
    const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]
    if (days === undefined || day < 1 || day > days) return null
    return `${year < 1000 ? String(year).padStart(4, '0') : year}-${pad2(month)}-${pad2(day)}`
  }
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null
  return date.toISOString().slice(0, 10)
}

/** Excel stores dates as days since an epoch; 1904-system workbooks (old Mac Excel) count from 1904-01-01. */
export function excelSerialToIsoDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return null
  const epoch = date1904 ? EXCEL_1904_EPOCH : EXCEL_1900_EPOCH
  return new Date(epoch + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10)
}

export interface DateContext {
  format: DateFormat | null
  referenceYear: number
  /** Numbers in a date column are Excel serials only when they came from a workbook. */
  excelDate1904: boolean | null
}

/** Parses a calendar date into ISO `YYYY-MM-DD`. Without a chosen format, D/M vs M/D must be unambiguous. */
export function parseDate(cell: Cell, context: DateContext): Parsed<string> {
  if (isCellError(cell)) return failure('EXCEL_ERROR', 'import.issues.excelError', { error: cell.error })
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return failure('INVALID_DATE', 'import.issues.invalidDate')
    return { ok: true, value: cell.toISOString().slice(0, 10) }
  }
  if (typeof cell === 'number') {
    if (context.excelDate1904 === null) {
      return failure('INVALID_DATE', 'import.issues.numberForDate')
    }
    const iso = excelSerialToIsoDate(cell, context.excelDate1904)
    return iso ? { ok: true, value: iso } : failure('INVALID_DATE', 'import.issues.invalidExcelDate')
  }
  const text = String(cell).trim()
  const iso = ISO.exec(text)
  if (iso) {
    const value = validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
    return value ? { ok: true, value } : failure('INVALID_DATE', 'import.issues.noSuchDate')
  }
  const slashed = SLASHED.exec(text)
  if (!slashed) return failure('INVALID_DATE', 'import.issues.notDate')
  const a = Number(slashed[1])
  const b = Number(slashed[2])
  const yearText = slashed[3] ?? ''
  const year =
    yearText.length === 2 ? expandTwoDigitYear(Number(yearText), context.referenceYear) : Number(yearText)
  let format = context.format
  if (format === null || format === 'YYYY-MM-DD') {
    if (a > 12 && b <= 12) format = 'DD/MM/YYYY'
    else if (b > 12 && a <= 12) format = 'MM/DD/YYYY'
    else if (a === b) format = 'MM/DD/YYYY'
    else {
      return failure('AMBIGUOUS_DATE', 'import.issues.ambiguousDate', { text })
    }
  }
  const value = format === 'DD/MM/YYYY' ? validDate(year, b, a) : validDate(year, a, b)
  return value ? { ok: true, value } : failure('INVALID_DATE', 'import.issues.noSuchDateIn', { format })
}

/**
 * Looks at a column's text dates and says which order they use: a first part over 12 means day-first, a second
 * part over 12 month-first. Both seen is a contradiction; neither seen is ambiguous and the person must choose.
 */
export function detectDateFormat(samples: readonly Cell[]): {
  format: DateFormat | null
  ambiguous: boolean
  contradictory: boolean
} {
  let dayFirst = 0
  let monthFirst = 0
  let slashed = 0
  let isoSeen = false
  for (const cell of samples) {
    if (typeof cell !== 'string') continue
    const text = cell.trim()
    if (ISO.test(text)) isoSeen = true
    const m = SLASHED.exec(text)
    if (!m) continue
    slashed++
    const a = Number(m[1])
    const b = Number(m[2])
    // Only a value with exactly one part over 12 is evidence; "13/45" is invalid either way and is reported per row.
    if (a > 12 && b <= 12) dayFirst++
    if (b > 12 && a <= 12) monthFirst++
  }
  // A stray value or two against a clear majority is a typo to report on its row, not a reason to refuse the column.
  const minority = Math.min(dayFirst, monthFirst)
  if (minority > 0 && minority > Math.max(1, slashed * 0.02))
    return { format: null, ambiguous: false, contradictory: true }
  if (dayFirst > monthFirst) return { format: 'DD/MM/YYYY', ambiguous: false, contradictory: false }
  if (monthFirst > dayFirst) return { format: 'MM/DD/YYYY', ambiguous: false, contradictory: false }
  if (slashed > 0) return { format: null, ambiguous: true, contradictory: false }
  return { format: isoSeen ? 'YYYY-MM-DD' : null, ambiguous: false, contradictory: false }
}
