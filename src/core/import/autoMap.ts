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
