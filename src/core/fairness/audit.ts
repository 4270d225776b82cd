import type {
  AuditDistributionRow,
  AuditMetricKey,
  AuditOutcome,
  FairnessAudit,
  ImpactScreen,
  MetricAuditRow,
  SensitiveAttribute,
} from '../../shared/contract/fairness'
import { adverseImpact, FOUR_FIFTHS, SMALL_GROUP, SUPPRESS_BELOW, type GroupCount } from './adverseImpact'
import { associateSums, strengthOf } from './association'

/** One person of the audited session, as the audit sees them: groups, outcomes and the metrics behind them. */
export interface AuditSubject {
  /** The person's group per attribute; an attribute missing here was not recorded for them. */
  groups: Partial<Record<SensitiveAttribute, string>>
  /** Normalised 1–5 rating in the session's cycle, null when not rated. */
  rating: number | null
  highPerformance: boolean
  /** Boxes as the data placed them and after the meeting; null when held. */
  computedBox: number | null
  box: number | null
  hiddenGem: boolean
  /** The person's flags (the grid's own summaries, not copied: only their codes are read). */
  flags: readonly { readonly code: string }[]
  agility: number | null
  /** Agility component ranks (0–1) in the order skill growth, assessment, breadth, stretch; null without evidence. */
  ranks: readonly (number | null)[]
}

export const ATTRIBUTE_LABELS: Record<SensitiveAttribute, string> = {
  gender: 'Gender',
  ageBand: 'Age band',
  workPattern: 'Work pattern',
  ethnicity: 'Ethnicity',
  location: 'Location',
}
export const NOT_RECORDED = 'Not recorded'

const OUTCOMES: { outcome: AuditOutcome; label: string }[] = [
  { outcome: 'high-performance', label: 'Rated high performance' },
  { outcome: 'top-boxes-before', label: 'Top boxes as the data placed them (before calibration)' },
  { outcome: 'top-boxes-after', label: 'Top boxes after calibration' },
  { outcome: 'hidden-gem', label: 'Flagged as a hidden gem' },
]

/** The rating, the agility index, then its four components in the order of AuditSubject.ranks. */
const METRICS: { metric: AuditMetricKey; label: string }[] = [
  { metric: 'rating', label: 'Performance rating (1–5)' },
  { metric: 'agility', label: 'Learning agility index (0–100)' },
  { metric: 'skillGrowth', label: 'Agility: skill levels gained per year (rank)' },
  { metric: 'assessment', label: 'Agility: assessment mastery and improvement (rank)' },
  { metric: 'breadth', label: 'Agility: breadth of recent learning (rank)' },
  { metric: 'stretch', label: 'Agility: stretch programmes (rank)' },
]
const COMPONENTS: readonly AuditMetricKey[] = ['skillGrowth', 'assessment', 'breadth', 'stretch']

export const AUDIT_METHOD = [
  `Groups with fewer than ${SUPPRESS_BELOW} people are shown as "<${SUPPRESS_BELOW}" and left out of ratios and correlations; they stay in the population each other group is tested against.`,
  `Adverse impact: each group's selection rate over the highest rate of any shown group. Under ${FOUR_FIFTHS} fails the four-fifths rule.`,
  `Significance: Fisher's exact test (two-sided) of the group against everyone else in the session. Under ${SMALL_GROUP} people a ratio can move a lot with one person, so read the p-value; p < 0.05 is unlikely to be chance.`,
  'Top boxes and hidden gems count people placed on the grid; high performance counts everyone rated in the cycle.',
  "Metric audit: η² is the share of a metric's variance that lies between the groups (0.01 small, 0.06 medium, 0.14 large, after Cohen). With two groups the correlation is its signed root (second group minus first).",
  'A component "drives" an agility disparity when the index differs between groups and the component differs in the same direction: the same group is lowest on both.',
]

const round = (n: number, digits: number): number => Math.round(n * 10 ** digits) / 10 ** digits

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st. */
function ordinal(value: number): string {
  const n = Math.round(value)
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')
  return `${n}${suffix}`
}

function groupsOf(
  subjects: readonly AuditSubject[],
  attribute: SensitiveAttribute,
): Map<string, AuditSubject[]> {
  const groups = new Map<string, AuditSubject[]>()
  for (const s of subjects) {
    const group = s.groups[attribute] ?? NOT_RECORDED
    const list = groups.get(group)
    if (list) list.push(s)
    else groups.set(group, [s])
  }
  // Largest group first, "Not recorded" last: the order a reader scans a table in.
  return new Map(
    [...groups].sort(
      ([a, x], [b, y]) =>
        Number(a === NOT_RECORDED) - Number(b === NOT_RECORDED) || y.length - x.length || a.localeCompare(b),
    ),
  )
}

/**
 * Who could be selected and who was, per group, for every outcome in one pass (in the order of OUTCOMES): rated
 * people for high performance, placed people for the boxes and hidden gems.
 */
function tallyOutcomes(
  members: readonly AuditSubject[],
  topBoxes: ReadonlySet<number>,
): { n: number[]; chosen: number[] } {
  let rated = 0
  let high = 0
  let computed = 0
  let topBefore = 0
  let placed = 0
  let topAfter = 0
  let gems = 0
  for (const s of members) {
    if (s.rating !== null) {
      rated++
      if (s.highPerformance) high++
    }
    if (s.computedBox !== null) {
      computed++
      if (topBoxes.has(s.computedBox)) topBefore++
    }
    if (s.box !== null) {
      placed++
      if (topBoxes.has(s.box)) topAfter++
      if (s.hiddenGem) gems++
    }
  }
  return { n: [rated, computed, placed, placed], chosen: [high, topBefore, topAfter, gems] }
}

function impactScreens(
  attribute: SensitiveAttribute,
  groups: Map<string, AuditSubject[]>,
  topBoxes: ReadonlySet<number>,
): ImpactScreen[] {
  const tallies = [...groups].map(([group, members]) => ({ group, ...tallyOutcomes(members, topBoxes) }))
  return OUTCOMES.map(({ outcome, label }, k) => {
    const counts: GroupCount[] = tallies.map((t) => ({
      group: t.group,
      n: t.n[k] ?? 0,
      selected: t.chosen[k] ?? 0,
    }))
    const { rows, reference } = adverseImpact(
      counts.filter((c) => c.n > 0),
      (group) => group === NOT_RECORDED,
    )
    const failing = rows.filter((r) => r.belowFourFifths)
    const finding =
      reference === null
        ? 'Nobody in a shown group could be selected.'
        : failing.length === 0
          ? `Every shown group is selected at ${FOUR_FIFTHS * 100}% or more of the rate of ${reference}.`
          : failing
              .map(
                (r) =>
                  `${r.group}: ${r.selected} of ${r.n} (${Math.round((r.rate ?? 0) * 1000) / 10}%), ${Math.round((r.ratio ?? 0) * 100)}% of ${reference}'s rate${
                    r.pValue !== null && r.pValue < 0.05
                      ? `, unlikely to be chance (p = ${r.pValue})`
                      : `, could be chance (p = ${r.pValue})`
                  }`,
              )
              .join('; ')
    return { attribute, outcome, label, rows, reference, finding }
  })
}

function distributionRows(
  attribute: SensitiveAttribute,
  groups: Map<string, AuditSubject[]>,
): AuditDistributionRow[] {
  return [...groups].map(([group, members]) => {
    if (members.length < SUPPRESS_BELOW)
      return {
        attribute,
        group,
        suppressed: true,
        n: null,
        before: null,
        after: null,
        held: null,
        meanRating: null,
        meanAgility: null,
        hiddenGems: null,
        flags: null,
      }
    const before = new Array<number>(9).fill(0)
    const after = new Array<number>(9).fill(0)
    const flags: Record<string, number> = {}
    let held = 0
    let hiddenGems = 0
    let rated = 0
    let ratingSum = 0
    let measured = 0
    let agilitySum = 0
    for (const s of members) {
      if (s.computedBox === null || s.box === null) held++
      else {
        before[s.computedBox - 1] = (before[s.computedBox - 1] ?? 0) + 1
        after[s.box - 1] = (after[s.box - 1] ?? 0) + 1
      }
      if (s.rating !== null) {
        rated++
        ratingSum += s.rating
      }
      if (s.agility !== null) {
        measured++
        agilitySum += s.agility
      }
      if (s.hiddenGem) hiddenGems++
      for (const { code } of s.flags) flags[code] = (flags[code] ?? 0) + 1
    }
    const mean = (count: number, sum: number): number | null => (count === 0 ? null : round(sum / count, 2))
    return {
      attribute,
      group,
      suppressed: false,
      n: members.length,
      before,
      after,
      held,
      meanRating: mean(rated, ratingSum),
      meanAgility: mean(measured, agilitySum),
      hiddenGems,
      flags,
    }
  })
}

function metricRows(attribute: SensitiveAttribute, groups: Map<string, AuditSubject[]>): MetricAuditRow[] {
  // "Not recorded" shares no characteristic to compare: it stays out of the metric audit.
  const shown = [...groups].filter(
    ([group, members]) => members.length >= SUPPRESS_BELOW && group !== NOT_RECORDED,
  )
  // Every metric's sums per group in one pass over the group (values in the order of METRICS).
  const sums = shown.map(([group, members]) => {
    const n = new Array<number>(METRICS.length).fill(0)
    const sum = new Array<number>(METRICS.length).fill(0)
    const squares = new Array<number>(METRICS.length).fill(0)
    const add = (k: number, v: number | null | undefined): void => {
      if (v === null || v === undefined) return
      n[k] = (n[k] ?? 0) + 1
      sum[k] = (sum[k] ?? 0) + v
      squares[k] = (squares[k] ?? 0) + v * v
    }
    for (const s of members) {
      add(0, s.rating)
      add(1, s.agility)
      for (let c = 0; c < 4; c++) add(2 + c, s.ranks[c])
    }
    return { group, n, sum, squares }
  })
  const rows = METRICS.map(({ metric, label }, k) => {
    const association = associateSums(
      sums.map((g) => ({
        group: g.group,
        n: g.n[k] ?? 0,
        sum: g.sum[k] ?? 0,
        sumOfSquares: g.squares[k] ?? 0,
      })),
    )
    return {
      attribute,
      metric,
      label,
      groups: association.groups.map((g) => ({ ...g, mean: round(g.mean, 3) })),
      eta2: association.eta2 === null ? null : round(association.eta2, 4),
      correlation: association.correlation === null ? null : round(association.correlation, 3),
      strength: strengthOf(association.eta2),
      drives: false,
      warning: null as string | null,
    }
  })
  const lowest = (row: MetricAuditRow): { group: string; mean: number } | undefined =>
    row.groups.reduce<{ group: string; mean: number } | undefined>(
      (low, g) => (low === undefined || g.mean < low.mean ? g : low),
      undefined,
    )
  const highest = (row: MetricAuditRow): { group: string; mean: number } | undefined =>
    row.groups.reduce<{ group: string; mean: number } | undefined>(
      (high, g) => (high === undefined || g.mean > high.mean ? g : high),
      undefined,
    )
  const index = rows.find((r) => r.metric === 'agility')
  const indexLow = index && index.strength !== 'none' ? lowest(index) : undefined
  const name = ATTRIBUTE_LABELS[attribute].toLowerCase()
  for (const row of rows) {
    if (!COMPONENTS.includes(row.metric) || row.strength === 'none') continue
    const low = lowest(row)
    const high = highest(row)
    if (!low || !high) continue
    row.drives = indexLow !== undefined && low.group === indexLow.group
    const gap = `${low.group} ranks lower (mean ${ordinal(low.mean * 100)} percentile vs ${ordinal(high.mean * 100)} for ${high.group}; η² ${row.eta2})`
    row.warning =
      row.drives && index
        ? `${row.label} drives the learning agility gap by ${name}: ${gap}. Check that it measures learning, not available hours or opportunity.`
        : `${row.label} differs by ${name}: ${gap}; the agility index ${index && index.strength !== 'none' ? 'differs the other way' : `hardly does (η² ${index?.eta2 ?? '—'})`}. Check that it measures learning, not available hours or opportunity.`
  }
  return rows
}

/**
 * The fairness audit of one session: for every sensitive attribute present, the adverse-impact screen of each
 * outcome, the distribution of boxes, flags and scores per group, and how each calibration metric goes with the
 * attribute. Pure; the numbers come only from the subjects given.
 */
export function auditFairness(
  subjects: readonly AuditSubject[],
  topBoxes: readonly number[],
): Pick<FairnessAudit, 'attributes' | 'impact' | 'distribution' | 'metrics' | 'warnings' | 'method'> {
  const top = new Set(topBoxes)
  const present = (Object.keys(ATTRIBUTE_LABELS) as SensitiveAttribute[]).filter((a) =>
    subjects.some((s) => s.groups[a] !== undefined),
  )
  const impact: ImpactScreen[] = []
  const distribution: AuditDistributionRow[] = []
  const metrics: MetricAuditRow[] = []
  const attributes = present.map((attribute) => {
    const groups = groupsOf(subjects, attribute)
    impact.push(...impactScreens(attribute, groups, top))
    distribution.push(...distributionRows(attribute, groups))
    metrics.push(...metricRows(attribute, groups))
    return {
      attribute,
      label: ATTRIBUTE_LABELS[attribute],
      recorded: subjects.length - (groups.get(NOT_RECORDED)?.length ?? 0),
    }
  })
  // The findings list what needs a look: a group below four fifths that is unlikely to be chance, a component that
  // drives an agility gap, a component with a medium or larger gap. The rest stays in the tables, marked there:
  // with this many groups and outcomes, some ratios fall below four fifths by chance alone.
  const failing = impact.flatMap((s) => s.rows.filter((r) => r.belowFourFifths).map((r) => ({ s, r })))
  const significant = failing.filter(({ r }) => (r.pValue ?? 1) < 0.05)
  const warnings = [
    ...significant.map(
      ({ s, r }) =>
        `${ATTRIBUTE_LABELS[s.attribute]}, ${s.label.toLowerCase()}: ${r.group} ${r.selected} of ${r.n} (${Math.round((r.rate ?? 0) * 1000) / 10}%), ${Math.round((r.ratio ?? 0) * 100)}% of ${s.reference}'s rate, unlikely to be chance (p = ${r.pValue}).`,
    ),
    ...metrics.filter((m) => m.drives).map((m) => m.warning as string),
    ...metrics
      .filter((m) => !m.drives && (m.strength === 'medium' || m.strength === 'large') && m.warning)
      .map((m) => m.warning as string),
  ]
  const chance = failing.length - significant.length
  if (chance > 0)
    warnings.push(
      `${chance} further group result(s) fall below four fifths but could be chance (p ≥ 0.05): marked in the tables.`,
    )
  return { attributes, impact, distribution, metrics, warnings, method: AUDIT_METHOD }
}
