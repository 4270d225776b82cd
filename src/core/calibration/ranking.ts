/**
 * Mid-rank percentiles: the share of values below plus half the share equal, so ties share one rank and the
 * ranks of a population average 0.5. Returns a lookup from value to rank.
 */
export function midRanks(values: readonly number[]): (value: number) => number {
  const sorted = Float64Array.from(values).sort()
  const n = sorted.length
  // First index whose value is >= (or > when `after`) the value: a binary search, no per-value table.
  const bound = (value: number, after: boolean): number => {
    let lo = 0
    let hi = n
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((sorted[mid] as number) < value || (after && sorted[mid] === value)) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  return (value) => {
    if (n === 0) return 0
    const below = bound(value, false)
    return (below + (bound(value, true) - below) / 2) / n
  }
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
