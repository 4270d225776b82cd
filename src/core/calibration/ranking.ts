/**
 * Mid-rank percentiles: the share of values below plus half the share equal, so ties share one rank and the
 * ranks of a population average 0.5. Returns a lookup from value to rank.
 */
export function midRanks(values: ArrayLike<number>): (value: number) => number {
  const sorted = new Float64Array(values).sort()
  const n = sorted.length
  return (value) => (n === 0 ? 0 : midRankIn(sorted, value))
}

/** The same for a whole column at once; NaN marks a missing value, which gets no rank and is not counted. */
export function midRankColumn(column: Float64Array): Float64Array {
  return smallCounts(column) ?? rankBySearch(column)
}

const SMALL_COUNT_LIMIT = 4096

/**
 * Counts (breadth, programmes) are small whole numbers: a histogram ranks them in two linear passes, with no sort
 * and no search. Returns null for any other column.
 */
function smallCounts(column: Float64Array): Float64Array | null {
  let max = 0
  for (const v of column) {
    if (Number.isNaN(v)) continue
    if (v < 0 || v >= SMALL_COUNT_LIMIT || !Number.isInteger(v)) return null
    if (v > max) max = v
  }
  const counts = new Float64Array(max + 1)
  let n = 0
  for (const v of column)
    if (!Number.isNaN(v)) {
      counts[v] = (counts[v] as number) + 1
      n++
    }
  // Mid-rank of value v: (values below + half the values equal) / n.
  const rankOf = new Float64Array(max + 1)
  let below = 0
  for (let v = 0; v <= max; v++) {
    const equal = counts[v] as number
    rankOf[v] = (below + equal / 2) / n
    below += equal
  }
  return column.map((v) => (Number.isNaN(v) ? Number.NaN : (rankOf[v] as number)))
}

function rankBySearch(column: Float64Array): Float64Array {
  let n = 0
  const sorted = new Float64Array(column.length)
  for (const v of column) if (!Number.isNaN(v)) sorted[n++] = v
  const values = sorted.subarray(0, n).sort()
  // The mid-rank of each run of equal values, stored at the run's first position: one search per value, not two.
  const rankAt = new Float64Array(n)
  for (let start = 0; start < n;) {
    let end = start + 1
    while (end < n && values[end] === values[start]) end++
    rankAt[start] = (start + (end - start) / 2) / n
    start = end
  }
  const ranks = new Float64Array(column.length)
  for (let i = 0; i < column.length; i++) {
    const v = column[i] as number
    ranks[i] = Number.isNaN(v) ? Number.NaN : (rankAt[bound(values, v, false)] as number)
  }
  return ranks
}

/** The smallest value of a sorted list whose mid-rank reaches `share` (ranks rise with the value); null if none. */
export function firstValueRankedFrom(sorted: Float64Array, share: number): number | null {
  const rank = midRanks(sorted)
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (rank(sorted[mid] as number) >= share) hi = mid
    else lo = mid + 1
  }
  return lo === sorted.length ? null : (sorted[lo] as number)
}

function midRankIn(sorted: Float64Array, value: number): number {
  const below = bound(sorted, value, false)
  return (below + (bound(sorted, value, true) - below) / 2) / sorted.length
}

/** First index whose value is >= (or > when `after`) the value: a binary search, no per-value table. */
function bound(sorted: Float64Array, value: number, after: boolean): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const at = sorted[mid] as number
    if (at < value || (after && at === value)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The value at a percentile (0–100) of a sorted list, by the nearest-rank method. */
export function percentileOf(sorted: readonly number[], percentile: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((percentile / 100) * sorted.length) - 1))
  return sorted[index] as number
}

export function median(values: ArrayLike<number>): number {
  const sorted = new Float64Array(values).sort()
  const n = sorted.length
  if (n === 0) return Number.NaN
  return n % 2
    ? (sorted[(n - 1) / 2] as number)
    : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2
}
