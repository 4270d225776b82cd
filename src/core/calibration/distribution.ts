import type { CalibrationSettings, CalibrationView, Placement } from '../../shared/contract/calibration'

/**
 * Target counts by the largest-remainder method, so they add up to the number of people placed: each box gets the
 * floor of its share, and the people left over go to the boxes with the largest fractions (ties: lower box first).
 */
export function targetCounts(
  targets: Readonly<Record<string, number>>,
  placed: number,
): Record<number, number> {
  const total = Object.values(targets).reduce((a, b) => a + b, 0)
  const exact = Array.from({ length: 9 }, (_, i) =>
    total === 0 ? 0 : ((targets[String(i + 1)] ?? 0) / total) * placed,
  )
  const counts = exact.map(Math.floor)
  let left = placed - counts.reduce((a, b) => a + b, 0)
  const order = exact
    .map((v, i) => ({ i, frac: v - Math.floor(v) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i)
  for (const { i } of order) {
    if (left <= 0) break
    counts[i] = (counts[i] as number) + 1
    left--
  }
  return Object.fromEntries(counts.map((c, i) => [i + 1, c]))
}

export const DISTRIBUTION_RULE =
  'Target counts are the target shares of the people placed, rounded by the largest-remainder method so they add up; a box is over or under when it is more than one person away from its target.'

export function deviation(actual: number, target: number): 'over' | 'under' | 'on-target' {
  if (actual > target + 1) return 'over'
  if (actual < target - 1) return 'under'
  return 'on-target'
}

/** Each box's people as the data placed them and as they are now, against the session's targets. */
export function distributionOf(
  placements: readonly Placement[],
  settings: Pick<CalibrationSettings, 'targets' | 'labels'>,
): CalibrationView['distribution'] {
  const targets = targetCounts(settings.targets, placements.length)
  const computedIn = new Array<number>(10).fill(0)
  const actualIn = new Array<number>(10).fill(0)
  for (const p of placements) {
    // A person placed by hand has no computed box: the data could not place them.
    if (p.source !== 'placed') computedIn[p.computedBox] = (computedIn[p.computedBox] ?? 0) + 1
    actualIn[p.box] = (actualIn[p.box] ?? 0) + 1
  }
  const total = Object.values(settings.targets).reduce((a, b) => a + b, 0)
  return Array.from({ length: 9 }, (_, i) => {
    const box = i + 1
    const actual = actualIn[box] ?? 0
    return {
      box,
      label: settings.labels[String(box)] ?? `Box ${box}`,
      computed: computedIn[box] ?? 0,
      actual,
      targetPercent: total === 0 ? 0 : Math.round((1000 * (settings.targets[String(box)] ?? 0)) / total) / 10,
      targetCount: targets[box] ?? 0,
      deviation: deviation(actual, targets[box] ?? 0),
    }
  })
}
