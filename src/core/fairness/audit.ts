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
  flags: readonly string[]
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

const METRICS: { metric: AuditMetricKey; label: string; value: (s: AuditSubject) => number | null }[] = [
  { metric: 'rating', label: 'Performance rating (1–5)', value: (s) => s.rating },
  { metric: 'agility', label: 'Learning agility index (0–100)', value: (s) => s.agility },
  {
    metric: 'skillGrowth',
    label: 'Agility: skill levels gained per year (rank)',
    value: (s) => s.ranks[0] ?? null,
  },
  {
    metric: 'assessment',
    label: 'Agility: assessment mastery and improvement (rank)',
    value: (s) => s.ranks[1] ?? null,
  },
  {
    metric: 'breadth',
    label: 'Agility: breadth of recent learning (rank)',
    value: (s) => s.ranks[2] ?? null,
  },
  { metric: 'stretch', label: 'Agility: stretch programmes (rank)', value: (s) => s.ranks[3] ?? null },
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

function selected(outcome: AuditOutcome, s: AuditSubject, topBoxes: ReadonlySet<number>): boolean | null {
  switch (outcome) {
    case 'high-performance':
      return s.rating === null ? null : s.highPerformance
    case 'top-boxes-before':
      return s.computedBox === null ? null : topBoxes.has(s.computedBox)
    case 'top-boxes-after':
      return s.box === null ? null : topBoxes.has(s.box)
    case 'hidden-gem':
      return s.box === null ? null : s.hiddenGem
  }
}

function impactScreens(
  attribute: SensitiveAttribute,
  groups: Map<string, AuditSubject[]>,
  topBoxes: ReadonlySet<number>,
): ImpactScreen[] {
  return OUTCOMES.map(({ outcome, label }) => {
    const counts: GroupCount[] = [...groups].map(([group, members]) => {
      let n = 0
      let chosen = 0
      for (const s of members) {
        const hit = selected(outcome, s, topBoxes)
        if (hit === null) continue
        n++
        if (hit) chosen++
      }
      return { group, n, selected: chosen }
    })
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
    const ratings: number[] = []
    const agility: number[] = []
    for (const s of members) {
      if (s.computedBox === null || s.box === null) held++
      else {
        before[s.computedBox - 1] = (before[s.computedBox - 1] ?? 0) + 1
        after[s.box - 1] = (after[s.box - 1] ?? 0) + 1
      }
      if (s.rating !== null) ratings.push(s.rating)
      if (s.agility !== null) agility.push(s.agility)
      for (const code of s.flags) flags[code] = (flags[code] ?? 0) + 1
    }
    const mean = (v: number[]): number | null =>
      v.length === 0 ? null : round(v.reduce((a, b) => a + b, 0) / v.length, 2)
    return {
      attribute,
      group,
      suppressed: false,
      n: members.length,
      before,
      after,
      held,
      meanRating: mean(ratings),
      meanAgility: mean(agility),
      hiddenGems: members.filter((s) => s.hiddenGem).length,
      flags,
    }
  })
}

function metricRows(attribute: SensitiveAttribute, groups: Map<string, AuditSubject[]>): MetricAuditRow[] {
  // "Not recorded" shares no characteristic to compare: it stays out of the metric audit.
  const shown = [...groups].filter(
    ([group, members]) => members.length >= SUPPRESS_BELOW && group !== NOT_RECORDED,
  )
  const rows = METRICS.map(({ metric, label, value }) => {
    const association = associateSums(
      shown.map(([group, members]) => {
        let n = 0
        let sum = 0
        let sumOfSquares = 0
        for (const s of members) {
          const v = value(s)
          if (v === null) continue
          n++
          sum += v
          sumOfSquares += v * v
        }
        return { group, n, sum, sumOfSquares }
      }),
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
      recorded: subjects.filter((s) => s.groups[attribute] !== undefined).length,
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
