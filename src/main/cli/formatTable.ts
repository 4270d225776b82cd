/** Plain-text columns for terminal output; wide cells are cut with an ellipsis so rows stay on one line. */
export function formatTable<T extends object>(
  rows: readonly T[],
  columns: readonly (keyof T & string)[],
  maxWidth = 32,
): string {
  const cell = (value: unknown): string => {
    const text = value === null || value === undefined ? '' : String(value)
    return text.length > maxWidth ? `${text.slice(0, maxWidth - 1)}…` : text
  }
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)))
  const line = (values: string[]): string =>
    values
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()
  return [
    line([...columns]),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((r) => line(columns.map((c) => cell(r[c])))),
  ].join('\n')
}
