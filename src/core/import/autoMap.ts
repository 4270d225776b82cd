import { fieldsOf, type TabularKind } from './fields'

export interface MappingSuggestion {
  field: string
  /** 1 = the header is a known name for the field; lower = a weaker textual match. */
  confidence: number
}

/** "Employee ID", "employee_id", "EmployeeID " and "Emp. ID" all normalise to the same key. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/#/g, ' number ')
    .replace(/[^a-z0-9]+/g, '')
}

function score(header: string, synonym: string): number {
  const h = normaliseHeader(header)
  const s = normaliseHeader(synonym)
  if (h.length === 0 || s.length === 0) return 0
  if (h === s) return 1
  // A header that contains a long synonym ("Transcript Completed Date" ⊃ "completed date") is a good hint.
  if (s.length >= 6 && h.includes(s)) return 0.75
  if (h.length >= 6 && s.includes(h)) return 0.6
  return 0
}

/**
 * Suggests a field for each header. Each field goes to its best-scoring header only, so two columns never map to
 * the same field; headers with no match stay unmapped (and are dropped on import: data minimisation).
 */
export function suggestMapping(
  headers: readonly string[],
  kind: TabularKind,
): Map<number, MappingSuggestion> {
  const candidates: { column: number; field: string; confidence: number }[] = []
  headers.forEach((header, column) => {
    for (const field of fieldsOf(kind)) {
      const best = Math.max(
        score(header, field.name),
        score(header, field.label),
        ...field.synonyms.map((s) => score(header, s)),
      )
      if (best > 0) candidates.push({ column, field: field.name, confidence: best })
    }
  })
  candidates.sort((a, b) => b.confidence - a.confidence || a.column - b.column)
  const byColumn = new Map<number, MappingSuggestion>()
  const usedFields = new Set<string>()
  for (const c of candidates) {
    if (byColumn.has(c.column) || usedFields.has(c.field)) continue
    byColumn.set(c.column, { field: c.field, confidence: c.confidence })
    usedFields.add(c.field)
  }
  return byColumn
}

/** A year in a header: "2023", "FY25", "FY 2024". */
const YEAR_IN_HEADER = /\b(FY\s?\d{2}(?:\d{2})?|(?:19|20)\d{2})\b/i

/** The cycle a header names ("2023 Completed Performance Rating" → 2023) and the header without it. */
export function cycleInHeader(header: string): { cycle: string; rest: string } | null {
  const match = YEAR_IN_HEADER.exec(header)
  if (!match) return null
  return {
    cycle: match[1]!.toUpperCase().replace(/\s+/g, ''),
    rest: header.replace(match[0], ' ').replace(/\s+/g, ' ').trim(),
  }
}

const CYCLE_FIELDS = ['overallRating', 'potentialRating'] as const

/**
 * Rating columns that each hold one review cycle, named by a year in their header ("2023 Completed Performance
 * Rating", "2024 Completed Performance Rating", "Aug 2025 Talent Assessment Potential"): one row then gives a review
 * per cycle. The first column for each field and cycle wins (a repeated header is left unmapped).
 */
export function suggestCycleColumns(
  headers: readonly string[],
): Map<number, { field: (typeof CYCLE_FIELDS)[number]; cycle: string; confidence: number }> {
  const found = new Map<number, { field: (typeof CYCLE_FIELDS)[number]; cycle: string; confidence: number }>()
  const taken = new Set<string>()
  headers.forEach((header, column) => {
    const named = cycleInHeader(header)
    if (!named || named.rest === '') return
    let best: { field: (typeof CYCLE_FIELDS)[number]; confidence: number } | null = null
    for (const name of CYCLE_FIELDS) {
      const field = fieldsOf('reviews').find((f) => f.name === name)
      if (!field) continue
      const confidence = Math.max(
        score(named.rest, field.label),
        ...field.synonyms.map((s) => score(named.rest, s)),
      )
      if (confidence >= 0.75 && (!best || confidence > best.confidence)) best = { field: name, confidence }
    }
    if (!best || taken.has(`${best.field}\u0000${named.cycle}`)) return
    taken.add(`${best.field}\u0000${named.cycle}`)
    found.set(column, { field: best.field, cycle: named.cycle, confidence: best.confidence })
  })
  return found
}

/** Headers as shown and mapped: a header repeated in one sheet gets its occurrence, "Rating (2)". */
export function distinctHeaders(headers: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return headers.map((header) => {
    if (header === '') return header
    const n = (seen.get(header) ?? 0) + 1
    seen.set(header, n)
    return n === 1 ? header : `${header} (${n})`
  })
}
