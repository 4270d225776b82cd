/**
 * How strongly a group attribute goes with a metric: the correlation ratio η² (the share of the metric's variance
 * that lies between the groups), and for two groups the point-biserial correlation, which is its signed root.
 */
export interface GroupValues {
  group: string
  values: readonly number[]
}

export interface Association {
  groups: { group: string; n: number; mean: number }[]
  eta2: number | null
  /** Second group's mean above the first's, as a correlation; null unless exactly two groups. */
  correlation: number | null
}

export function associate(groups: readonly GroupValues[]): Association {
  return associateSums(
    groups.map(({ group, values }) => ({
      group,
      n: values.length,
      sum: values.reduce((a, b) => a + b, 0),
      sumOfSquares: values.reduce((a, b) => a + b * b, 0),
    })),
  )
}

/** The same from each group's count, sum and sum of squares (no value lists: 50k people × six metrics). */
export function associateSums(
  groups: readonly { group: string; n: number; sum: number; sumOfSquares: number }[],
): Association {
  const present = groups.filter((g) => g.n > 0)
  const summary = present.map((g) => ({ group: g.group, n: g.n, mean: g.sum / g.n }))
  const n = present.reduce((s, g) => s + g.n, 0)
  if (present.length < 2 || n < 3) return { groups: summary, eta2: null, correlation: null }
  const grand = present.reduce((s, g) => s + g.sum, 0) / n
  const total = present.reduce((s, g) => s + g.sumOfSquares, 0) - n * grand * grand
  if (total <= 1e-12 * n) return { groups: summary, eta2: 0, correlation: present.length === 2 ? 0 : null }
  const between = summary.reduce((s, g) => s + g.n * (g.mean - grand) ** 2, 0)
  const eta2 = Math.min(1, between / total)
  const [first, second] = summary
  const correlation =
    summary.length === 2 && first && second ? Math.sign(second.mean - first.mean) * Math.sqrt(eta2) : null
  return { groups: summary, eta2, correlation }
}

/** Cohen's conventional bands for η²: 0.01 small, 0.06 medium, 0.14 large. */
export function strengthOf(eta2: number | null): 'none' | 'small' | 'medium' | 'large' {
  if (eta2 === null || eta2 < 0.01) return 'none'
  if (eta2 < 0.06) return 'small'
  if (eta2 < 0.14) return 'medium'
  return 'large'
}
