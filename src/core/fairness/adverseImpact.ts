import type { ImpactRow } from '../../shared/contract/fairness'
import { fisherExactTwoSided } from './fisher'

/** Groups smaller than this are shown as "<4": their numbers would point at people. */
export const SUPPRESS_BELOW = 4
/** The four-fifths rule: a group selected at under 80% of the best group's rate is an adverse-impact signal. */
export const FOUR_FIFTHS = 0.8
/** Below this many people a ratio can swing on one person: read the exact test. */
export const SMALL_GROUP = 30

export interface GroupCount {
  group: string
  n: number
  selected: number
}

const round = (n: number, digits: number): number => Math.round(n * 10 ** digits) / 10 ** digits

/**
 * The adverse-impact screen for one outcome over one attribute's groups: each group's selection rate, its ratio to
 * the reference rate, and Fisher's exact test against everyone else in the population (the suppressed groups
 * included there, so the test sees the whole session). Suppressed groups show no numbers.
 *
 * The reference is the highest rate among groups of 30 or more (a group of 8 at a lucky 40% would otherwise make
 * everyone else fail), else among all shown groups; a group such as "not recorded" can be kept out of it.
 */
export function adverseImpact(
  groups: readonly GroupCount[],
  notAReference: (group: string) => boolean = () => false,
): { rows: ImpactRow[]; reference: string | null } {
  const totalN = groups.reduce((s, g) => s + g.n, 0)
  const totalSelected = groups.reduce((s, g) => s + g.selected, 0)
  const shown = groups.filter((g) => g.n >= SUPPRESS_BELOW)
  const eligible = shown.filter((g) => !notAReference(g.group))
  const large = eligible.filter((g) => g.n >= SMALL_GROUP)
  const best = (large.length > 0 ? large : eligible.length > 0 ? eligible : shown).reduce<GroupCount | null>(
    (top, g) => (top === null || g.selected / g.n > top.selected / top.n ? g : top),
    null,
  )
  const bestRate = best === null ? 0 : best.selected / best.n
  const rows = groups.map((g): ImpactRow => {
    if (g.n < SUPPRESS_BELOW)
      return {
        group: g.group,
        suppressed: true,
        n: null,
        selected: null,
        rate: null,
        ratio: null,
        belowFourFifths: false,
        pValue: null,
        small: true,
      }
    const rate = g.selected / g.n
    // A small group above the reference rate reads as 1: it is not adversely affected.
    const ratio = bestRate === 0 ? null : Math.min(1, rate / bestRate)
    const restSelected = totalSelected - g.selected
    const restN = totalN - g.n
    return {
      group: g.group,
      suppressed: false,
      n: g.n,
      selected: g.selected,
      rate: round(rate, 4),
      ratio: ratio === null ? null : round(ratio, 3),
      belowFourFifths: ratio !== null && ratio < FOUR_FIFTHS,
      pValue:
        restN === 0
          ? null
          : round(fisherExactTwoSided(g.selected, g.n - g.selected, restSelected, restN - restSelected), 4),
      small: g.n < SMALL_GROUP,
    }
  })
  return { rows, reference: best?.group ?? null }
}
