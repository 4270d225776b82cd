import { proficiencyFromLabel } from '../skills/proficiency'
import { isBlank, isCellError, type Cell } from './cells'
import type { FieldType } from './fields'
import type { MessageKey } from '../../shared/i18n/translate'
import { failure, parseDate, type DateContext, type Parsed } from './parseDate'

export type LearningStatus =
  'enrolled' | 'in_progress' | 'completed' | 'passed' | 'failed' | 'waived' | 'withdrawn' | 'no_show'
export type ActivityType = 'course' | 'certification' | 'assessment' | 'program' | 'informal'
export type RatingSource = 'self' | 'manager' | '360' | 'assessment'

export type FieldValue = string | number | boolean | null

export interface ParseContext extends DateContext {
  /** Semicolon-delimited files come from locales that write 1,5 for one and a half. */
  decimalComma: boolean
}

const key = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')

// prettier-ignore
const STATUS: Record<string, LearningStatus> = {
  'completed': 'completed', 'complete': 'completed', 'done': 'completed', 'finished': 'completed', 'attended': 'completed', 'completed successfully': 'completed',
  'passed': 'passed', 'pass': 'passed', 'satisfied': 'passed', 'mastered': 'passed',
  'failed': 'failed', 'fail': 'failed', 'not passed': 'failed', 'unsatisfactory': 'failed',
  'enrolled': 'enrolled', 'registered': 'enrolled', 'assigned': 'enrolled', 'not started': 'enrolled', 'pending': 'enrolled', 'approved': 'enrolled',
  'in progress': 'in_progress', 'inprogress': 'in_progress', 'started': 'in_progress', 'incomplete': 'in_progress', 'attempted': 'in_progress',
  'waived': 'waived', 'exempt': 'waived', 'exempted': 'waived', 'equivalency': 'waived',
  'withdrawn': 'withdrawn', 'withdrew': 'withdrawn', 'cancelled': 'withdrawn', 'canceled': 'withdrawn', 'dropped': 'withdrawn', 'removed': 'withdrawn',
  'no show': 'no_show', 'noshow': 'no_show', 'absent': 'no_show', 'did not attend': 'no_show',
}

// prettier-ignore
const ACTIVITY_TYPE: Record<string, ActivityType> = {
  'course': 'course', 'e learning': 'course', 'elearning': 'course', 'online course': 'course', 'online class': 'course', 'classroom': 'course',
  'ilt': 'course', 'instructor led': 'course', 'webinar': 'course', 'module': 'course', 'session': 'course', 'event': 'course',
  'certification': 'certification', 'certificate': 'certification', 'cert': 'certification', 'license': 'certification', 'licence': 'certification',
  'assessment': 'assessment', 'test': 'assessment', 'exam': 'assessment', 'quiz': 'assessment', 'tma': 'assessment', 'cma': 'assessment',
  'program': 'program', 'programme': 'program', 'curriculum': 'program', 'learning path': 'program', 'track': 'program', 'pathway': 'program',
  'informal': 'informal', 'article': 'informal', 'video': 'informal', 'book': 'informal', 'podcast': 'informal', 'mentoring': 'informal', 'coaching': 'informal', 'material': 'informal',
}

// prettier-ignore
const SOURCE: Record<string, RatingSource> = {
  'self': 'self', 'self assessment': 'self', 'employee': 'self',
  'manager': 'manager', 'supervisor': 'manager', 'line manager': 'manager',
  '360': '360', 'peer': '360', 'upward': '360', 'multi rater': '360', '360 feedback': '360',
  'assessment': 'assessment', 'test': 'assessment', 'exam': 'assessment',
}

// prettier-ignore
const BOOLEAN: Record<string, boolean> = {
  'true': true, 'yes': true, 'y': true, '1': true, 'x': true, 'mandatory': true, 'required': true, '✓': true,
  'false': false, 'no': false, 'n': false, '0': false, 'optional': false, 'not required': false, 'elective': false,
}

const bad = (code: string, key: MessageKey, params?: Record<string, string>): Parsed<never> =>
  failure(code, key, params)

/** Numbers as people type them: "1,234.5", or "1.234,5" and "1,96" in decimal-comma files; "85%" is 85 percent. */
export function parseNumber(cell: Cell, decimalComma: boolean): Parsed<{ value: number; percent: boolean }> {
  if (typeof cell === 'number')
    return Number.isFinite(cell)
      ? { ok: true, value: { value: cell, percent: false } }
      : bad('INVALID_NUMBER', 'import.issues.notFinite')
  if (typeof cell === 'boolean' || cell instanceof Date || cell === null || isCellError(cell)) {
    return bad('INVALID_NUMBER', 'import.issues.notNumber')
  }
  let text = cell.trim().replace(/\s/g, '')
  const percent = text.endsWith('%')
  if (percent) text = text.slice(0, -1)
  if (decimalComma) text = text.replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.')
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '')
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) {
    return bad(
      'INVALID_NUMBER',
      decimalComma || !text.includes(',') ? 'import.issues.notNumber' : 'import.issues.decimalComma',
    )
  }
  return { ok: true, value: { value: Number(text), percent } }
}

/** "1:30:00", "01:30", "PT1H30M" and plain numbers (already minutes) → whole minutes. */
export function parseMinutes(cell: Cell, decimalComma: boolean): Parsed<number> {
  if (typeof cell === 'string') {
    const text = cell.trim()
    const hms = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/.exec(text)
    if (hms)
      return { ok: true, value: Math.round(Number(hms[1]) * 60 + Number(hms[2]) + Number(hms[3] ?? 0) / 60) }
    const iso =
      /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
        text,
      )
    if (iso && text !== 'P' && text !== 'PT') {
      const [, d, h, m, s] = iso
      return {
        ok: true,
        value: Math.round(Number(d ?? 0) * 1440 + Number(h ?? 0) * 60 + Number(m ?? 0) + Number(s ?? 0) / 60),
      }
    }
  }
  const n = parseNumber(cell, decimalComma)
  if (!n.ok) return bad('INVALID_DURATION', 'import.issues.notDuration')
  if (n.value.value < 0) return bad('INVALID_DURATION', 'import.issues.negativeDuration')
  return { ok: true, value: Math.round(n.value.value) }
}

function lookup<T>(table: Record<string, T>, cell: Cell, code: string, what: MessageKey): Parsed<T> {
  const text = typeof cell === 'string' || typeof cell === 'number' ? key(String(cell)) : ''
  const value = table[text]
  if (value !== undefined && Object.hasOwn(table, text)) return { ok: true, value }
  return bad(code, what)
}

/**
 * Turns one cell into the typed value of a field. Blank cells are null (the caller decides whether the field is
 * required); Excel error cells are always an error, named as Excel shows them.
 */
export function parseFieldValue(cell: Cell, type: FieldType, context: ParseContext): Parsed<FieldValue> {
  if (isBlank(cell)) return { ok: true, value: null }
  if (isCellError(cell)) return bad('EXCEL_ERROR', 'import.issues.excelError', { error: cell.error })
  switch (type) {
    case 'text':
      return {
        ok: true,
        value:
          cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim().replace(/\s+/g, ' '),
      }
    case 'email': {
      const text = String(cell).trim().toLowerCase()
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)
        ? { ok: true, value: text }
        : bad('INVALID_EMAIL', 'import.issues.notEmail')
    }
    case 'integer': {
      const n = parseNumber(cell, context.decimalComma)
      if (!n.ok || !Number.isInteger(n.value.value)) return bad('INVALID_INTEGER', 'import.issues.notInteger')
      return { ok: true, value: n.value.value }
    }
    case 'number':
    case 'rating': {
      const n = parseNumber(cell, context.decimalComma)
      return n.ok ? { ok: true, value: n.value.percent ? n.value.value / 100 : n.value.value } : n
    }
    case 'level': {
      const n = parseNumber(cell, context.decimalComma)
      if (n.ok) return { ok: true, value: n.value.value }
      const fromLabel = typeof cell === 'string' ? proficiencyFromLabel(cell) : null
      return fromLabel === null
        ? bad('INVALID_LEVEL', 'import.issues.notLevel')
        : { ok: true, value: fromLabel }
    }
    case 'date':
      return parseDate(cell, context)
    case 'boolean':
      if (typeof cell === 'boolean') return { ok: true, value: cell }
      return lookup(BOOLEAN, cell, 'INVALID_BOOLEAN', 'import.issues.notBoolean')
    case 'minutes':
      return parseMinutes(cell, context.decimalComma)
    case 'status':
      return lookup(STATUS, cell, 'UNKNOWN_STATUS', 'import.issues.notStatus')
    case 'activityType':
      return lookup(ACTIVITY_TYPE, cell, 'UNKNOWN_ACTIVITY_TYPE', 'import.issues.notActivityType')
    case 'source':
      return lookup(SOURCE, cell, 'UNKNOWN_SOURCE', 'import.issues.notSource')
  }
}
