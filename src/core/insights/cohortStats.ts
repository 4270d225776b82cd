/**
 * The statistics of a cohort comparison: two groups' means (or shares), their difference and a 95% confidence
 * interval, computed by hand so every number can be checked against a textbook.
 */
export interface GroupSummary {
  n: number
  mean: number | null
  sd: number | null
}

const Z_975 = 1.959963984540054

/**
 * The 97.5% quantile of Student's t with `df` degrees of freedom, by the Cornish–Fisher expansion (Hill 1970,
 * Algorithm 396): within 0.001 of the exact value from 3 degrees of freedom up.
 */
export function tQuantile975(df: number): number {
  if (!Number.isFinite(df) || df > 1e6) return Z_975
  const z = Z_975
  const z3 = z ** 3
  const z5 = z ** 5
  const z7 = z ** 7
  const z9 = z ** 9
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3) +
    (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df ** 4)
  )
}

export function summarise(values: readonly number[]): GroupSummary {
  const n = values.length
  if (n === 0) return { n, mean: null, sd: null }
  const mean = values.reduce((a, b) => a + b, 0) / n
  const sd = n < 2 ? null : Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1))
  return { n, mean, sd }
}

export interface Difference {
  /** First group's mean minus the second's. */
  estimate: number
  low: number
  high: number
  method: string
}

/**
 * Welch's two-sample interval for a difference of means (no equal-variance assumption), with the
 * Welch–Satterthwaite degrees of freedom. Null when either group has fewer than 2 people.
 */
export function welchInterval(a: GroupSummary, b: GroupSummary): Difference | null {
  if (a.n < 2 || b.n < 2 || a.mean === null || b.mean === null || a.sd === null || b.sd === null) return null
  const va = a.sd ** 2 / a.n
  const vb = b.sd ** 2 / b.n
  const se = Math.sqrt(va + vb)
  const estimate = a.mean - b.mean
  if (se === 0) return { estimate, low: estimate, high: estimate, method: 'Welch t (no spread)' }
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1))
  const t = tQuantile975(df)
  return {
    estimate,
    low: estimate - t * se,
    high: estimate + t * se,
    method: `Welch t, ${Math.round(df * 10) / 10} degrees of freedom`,
  }
}

/**
 * Newcombe's hybrid score interval (method 10) for a difference of two proportions, built from Wilson intervals:
 * it stays inside −1…1 and behaves with small groups and rates near 0 or 1, where the plain Wald interval fails.
 */
export function proportionInterval(
  a: { n: number; hits: number },
  b: { n: number; hits: number },
): Difference | null {
  if (a.n === 0 || b.n === 0) return null
  const wilson = (hits: number, n: number): [number, number] => {
    const p = hits / n
    const z2 = Z_975 ** 2
    const centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    const half = (Z_975 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n)
    return [centre - half, centre + half]
  }
  const p1 = a.hits / a.n
  const p2 = b.hits / b.n
  const [l1, u1] = wilson(a.hits, a.n)
  const [l2, u2] = wilson(b.hits, b.n)
  const estimate = p1 - p2
  return {
    estimate,
    low: estimate - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
    high: estimate + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2),
    method: 'Newcombe hybrid score (Wilson)',
  }
}
