/**
 * Blind-mode names: P-0001 … in an order that depends only on the session and the person, so a pseudonym stays
 * the same all meeting (and in the export) but says nothing about names, ids or the org chart.
 */
export function assignPseudonyms(sessionId: string, employeeIds: readonly string[]): Map<string, string> {
  const hash = (text: string): number => {
    let h = 0x811c9dc5
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
    return h >>> 0
  }
  const ordered = [...employeeIds].sort(
    (a, b) => hash(`${sessionId}:${a}`) - hash(`${sessionId}:${b}`) || a.localeCompare(b),
  )
  const width = Math.max(4, String(ordered.length).length)
  return new Map(ordered.map((id, i) => [id, `P-${String(i + 1).padStart(width, '0')}`]))
}
