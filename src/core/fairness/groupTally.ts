import type { SensitiveAttribute } from '../../shared/contract/fairness'
import type { AuditSubject } from './audit'

export const NOT_RECORDED = 'Not recorded'

/** How many metrics the audit relates to each attribute: the rating, the agility index and its four components. */
export const METRIC_COUNT = 6

/**
 * Everything the audit reports about one group, summed in a single pass: outcome counts for the adverse-impact
 * screen, boxes and flags for the distribution, and per-metric sums for the metric audit. Outcome arrays are in the
 * order high performance, top boxes before, top boxes after, hidden gem.
 */
export interface GroupTally {
  n: number
  /** Who could be selected per outcome: rated people for high performance, placed people for the rest. */
  eligible: [number, number, number, number]
  selected: [number, number, number, number]
  before: number[]
  after: number[]
  held: number
  flags: Record<string, number>
  /** Per metric (rating, agility, four components): people measured, sum and sum of squares. */
  measured: number[]
  sum: number[]
  squares: number[]
}

function emptyTally(): GroupTally {
  return {
    n: 0,
    eligible: [0, 0, 0, 0],
    selected: [0, 0, 0, 0],
    before: new Array<number>(9).fill(0),
    after: new Array<number>(9).fill(0),
    held: 0,
    flags: {},
    measured: new Array<number>(METRIC_COUNT).fill(0),
    sum: new Array<number>(METRIC_COUNT).fill(0),
    squares: new Array<number>(METRIC_COUNT).fill(0),
  }
}

function addMetric(t: GroupTally, k: number, v: number | null | undefined): void {
  if (v === null || v === undefined) return
  t.measured[k] = (t.measured[k] ?? 0) + 1
  t.sum[k] = (t.sum[k] ?? 0) + v
  t.squares[k] = (t.squares[k] ?? 0) + v * v
}

function addSubject(t: GroupTally, s: AuditSubject, topBoxes: ReadonlySet<number>): void {
  t.n++
  if (s.rating !== null) {
    t.eligible[0]++
    if (s.highPerformance) t.selected[0]++
  }
  if (s.computedBox !== null) {
    t.eligible[1]++
    if (topBoxes.has(s.computedBox)) t.selected[1]++
  }
  if (s.box !== null) {
    t.eligible[2]++
    t.eligible[3]++
    if (topBoxes.has(s.box)) t.selected[2]++
    if (s.hiddenGem) t.selected[3]++
  }
  if (s.computedBox === null || s.box === null) t.held++
  else {
    t.before[s.computedBox - 1] = (t.before[s.computedBox - 1] ?? 0) + 1
    t.after[s.box - 1] = (t.after[s.box - 1] ?? 0) + 1
  }
  for (const { code } of s.flags) t.flags[code] = (t.flags[code] ?? 0) + 1
  addMetric(t, 0, s.rating)
  addMetric(t, 1, s.agility)
  for (let c = 0; c < 4; c++) addMetric(t, 2 + c, s.ranks[c])
}

/**
 * Every attribute's groups, tallied in one pass over the subjects (at 50,000 people, one pass per attribute and
 * per table was most of the audit's time). Groups come largest first, "Not recorded" last: the order a reader scans
 * a table in. An attribute nobody has a value for has only "Not recorded".
 */
export function tallyGroups(
  subjects: readonly AuditSubject[],
  attributes: readonly SensitiveAttribute[],
  topBoxes: ReadonlySet<number>,
): Map<SensitiveAttribute, Map<string, GroupTally>> {
  const byAttribute = attributes.map(() => new Map<string, GroupTally>())
  for (const s of subjects) {
    for (let a = 0; a < attributes.length; a++) {
      const groups = byAttribute[a] as Map<string, GroupTally>
      const group = s.groups[attributes[a] as SensitiveAttribute] ?? NOT_RECORDED
      let tally = groups.get(group)
      if (!tally) groups.set(group, (tally = emptyTally()))
      addSubject(tally, s, topBoxes)
    }
  }
  return new Map(
    attributes.map((attribute, a) => [
      attribute,
      new Map(
        [...(byAttribute[a] as Map<string, GroupTally>)].sort(
          ([x, tx], [y, ty]) =>
            Number(x === NOT_RECORDED) - Number(y === NOT_RECORDED) || ty.n - tx.n || x.localeCompare(y),
        ),
      ),
    ]),
  )
}
