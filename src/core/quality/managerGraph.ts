/**
 * Reporting lines as a graph: who reports to someone who does not exist, and who sits in a loop (A reports to B,
 * B to A). Pure, so the quality report and later org-chart features share one definition.
 */
export function findManagerCycles(managerOf: ReadonlyMap<string, string | null>): string[][] {
  const state = new Map<string, 'visiting' | 'done'>()
  const cycles: string[][] = []
  for (const start of managerOf.keys()) {
    if (state.has(start)) continue
    const path: string[] = []
    let current: string | null | undefined = start
    while (current && managerOf.has(current) && !state.has(current)) {
      state.set(current, 'visiting')
      path.push(current)
      current = managerOf.get(current) ?? null
    }
    if (current && state.get(current) === 'visiting') cycles.push(path.slice(path.indexOf(current)))
    for (const id of path) state.set(id, 'done')
  }
  return cycles
}

/** Groups labels that differ only in case or spacing ("Sales ", "sales", "SALES"): likely one label typed three ways. */
export function inconsistentLabels(
  values: Iterable<{ value: string; count: number }>,
): { key: string; variants: { value: string; count: number }[] }[] {
  const groups = new Map<string, { value: string; count: number }[]>()
  for (const entry of values) {
    const key = entry.value.trim().replace(/\s+/g, ' ').toLowerCase()
    groups.set(key, [...(groups.get(key) ?? []), entry])
  }
  return [...groups]
    .filter(([, variants]) => variants.length > 1)
    .map(([key, variants]) => ({ key, variants }))
}
