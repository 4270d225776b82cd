/**
 * Mid-rank percentiles: the share of values below plus half the share equal, so ties share one rank and the
 * ranks of a population average 0.5. Returns a lookup from value to rank.
 */
export function midRanks(values: readonly number[]): (value: number) => number {
  const sorted = [...values].sort((a, b) => a - b)
  const n = sorted.length
  const rankOf = new Map<number, number>()
  for (let i = 0; i < n;) {
    let j = i
    while (j < n && sorted[j] === sorted[i]) j++
    rankOf.set(sorted[i] as number, (i + (j - i) / 2) / n)
    i = j
  }
  return (value) => rankOf.get(value) ?? 0
}

/** The value at a percentile (0–100) of a sorted list, by the nearest-rank method. */
export function percentileOf(sorted: readonly number[], percentile: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((percentile / 100) * sorted.length) - 1))
  return sorted[index] as number
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const n = sorted.length
  if (n === 0) return Number.NaN
  return n % 2
    ? (sorted[(n - 1) / 2] as number)
    : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2
}
