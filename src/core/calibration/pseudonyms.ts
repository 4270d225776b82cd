/**
 * Blind-mode names: P-0001 … in an order that depends only on the session and the person, so a pseudonym stays
 * the same all meeting (and in the export) but says nothing about names, ids or the org chart. Returned in the order
 * of the ids given.
 */
export function assignPseudonyms(sessionId: string, employeeIds: readonly string[]): string[] {
  const hash = (text: string): number => {
    let h = 0x811c9dc5
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
    return h >>> 0
  }
  const hashes = employeeIds.map((id) => hash(`${sessionId}:${id}`))
  const order = employeeIds
    .map((_, i) => i)
    .sort(
      (a, b) =>
        (hashes[a] as number) - (hashes[b] as number) ||
        (employeeIds[a] as string).localeCompare(employeeIds[b] as string),
    )
  const width = Math.max(4, String(order.length).length)
  const pseudonyms = new Array<string>(employeeIds.length)
  order.forEach((at, rank) => (pseudonyms[at] = `P-${String(rank + 1).padStart(width, '0')}`))
  return pseudonyms
}
