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
import { message, type Message, type MessageKey } from '../../shared/i18n/translate'
import { joined, plainEnglish } from './text'
import { NOT_RECORDED, tallyGroups, type GroupTally } from './groupTally'

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

const ATTRIBUTES = ['gender', 'ageBand', 'workPattern', 'ethnicity', 'location'] as const
/** Each attribute's name in English (the renderer says it from the catalogue by the attribute's key). */
export const ATTRIBUTE_LABELS = Object.fromEntries(
  ATTRIBUTES.map((a) => [a, plainEnglish(message(`fairness.attribute.${a}`))]),
) as Record<SensitiveAttribute, string>
export { NOT_RECORDED }

/** Groups the app names itself (no attribute, age bands): said in the reader's language. */
const OWN_GROUPS = new Map<string, MessageKey>([
  [NOT_RECORDED, 'fairness.group.notRecorded'],
  ['Under 30', 'fairness.group.under30'],
  ['50 and over', 'fairness.group.over50'],
])
/** A group inside a message: the workspace's own value, or the app's name for it as a message. */
export function groupText(group: string): string | Message {
  const key = OWN_GROUPS.get(group)
  return key === undefined ? group : message(key)
}

const OUTCOMES: { outcome: AuditOutcome; label: string }[] = (
  ['high-performance', 'top-boxes-before', 'top-boxes-after', 'hidden-gem'] as const
).map((outcome) => ({ outcome, label: plainEnglish(message(`fairness.outcome.${outcome}`)) }))

/** The rating, the agility index, then its four components in the order of AuditSubject.ranks. */
const METRICS: { metric: AuditMetricKey; label: string }[] = (
  ['rating', 'agility', 'skillGrowth', 'assessment', 'breadth', 'stretch'] as const
).map((metric) => ({ metric, label: plainEnglish(message(`fairness.metric.${metric}`)) }))
const COMPONENTS: readonly AuditMetricKey[] = ['skillGrowth', 'assessment', 'breadth', 'stretch']

export const AUDIT_METHOD_TEXT: readonly Message[] = [
  message('fairness.method.suppressed', { n: SUPPRESS_BELOW }),
  message('fairness.method.adverseImpact', { fourFifths: FOUR_FIFTHS }),
  message('fairness.method.significance', { small: SMALL_GROUP }),
  message('fairness.method.counted'),
  message('fairness.method.eta2'),
  message('fairness.method.drives'),
]
export const AUDIT_METHOD = AUDIT_METHOD_TEXT.map(plainEnglish)

const round = (n: number, digits: number): number => Math.round(n * 10 ** digits) / 10 ** digits

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st (in English). */
function ordinal(value: number): Message {
  const n = Math.round(value)
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ((['th', 'st', 'nd', 'rd'] as const)[n % 10] ?? 'th')
  return message(`fairness.ordinal.${suffix}`, { n })
}

function impactScreens(attribute: SensitiveAttribute, groups: Map<string, GroupTally>): ImpactScreen[] {
  return OUTCOMES.map(({ outcome, label }, k) => {
    const counts: GroupCount[] = [...groups].map(([group, t]) => ({
      group,
      n: t.eligible[k] ?? 0,
      selected: t.selected[k] ?? 0,
    }))
    const { rows, reference } = adverseImpact(
      counts.filter((c) => c.n > 0),
      (group) => group === NOT_RECORDED,
    )
    const failing = rows.filter((r) => r.belowFourFifths)
    const findingText =
      reference === null
        ? message('fairness.finding.nobody')
        : failing.length === 0
          ? message('fairness.finding.everyone', {
              percent: FOUR_FIFTHS * 100,
              reference: groupText(reference),
            })
          : (joined(
              failing.map((r) =>
                message(
                  r.pValue !== null && r.pValue < 0.05
                    ? 'fairness.finding.unlikely'
                    : 'fairness.finding.chance',
                  { ...groupResult(r, reference), p: r.pValue ?? '—' },
                ),
              ),
              'fairness.finding.join',
            ) as Message)
    return { attribute, outcome, label, rows, reference, finding: plainEnglish(findingText), findingText }
  })
}

/** A group's result in a sentence: who, how many of how many, the rate and its ratio to the reference's. */
function groupResult(
  r: ImpactScreen['rows'][number],
  reference: string | null,
): Record<string, string | number | Message> {
  return {
    group: groupText(r.group),
    selected: r.selected ?? 0,
    n: r.n ?? 0,
    rate: Math.round((r.rate ?? 0) * 1000) / 10,
    ratio: Math.round((r.ratio ?? 0) * 100),
    reference: groupText(reference ?? ''),
  }
}

function distributionRows(
  attribute: SensitiveAttribute,
  groups: Map<string, GroupTally>,
): AuditDistributionRow[] {
  const mean = (count: number | undefined, sum: number | undefined): number | null =>
    !count ? null : round((sum ?? 0) / count, 2)
  return [...groups].map(([group, t]) =>
    t.n < SUPPRESS_BELOW
      ? {
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
      : {
          attribute,
          group,
          suppressed: false,
          n: t.n,
          before: t.before,
          after: t.after,
          held: t.held,
          meanRating: mean(t.measured[0], t.sum[0]),
          meanAgility: mean(t.measured[1], t.sum[1]),
          hiddenGems: t.selected[3],
          flags: t.flags,
        },
  )
}

function metricRows(attribute: SensitiveAttribute, groups: Map<string, GroupTally>): MetricAuditRow[] {
  // "Not recorded" shares no characteristic to compare: it stays out of the metric audit.
  const sums = [...groups]
    .filter(([group, t]) => t.n >= SUPPRESS_BELOW && group !== NOT_RECORDED)
    .map(([group, t]) => ({ group, n: t.measured, sum: t.sum, squares: t.squares }))
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
      warningText: null as Message | null,
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
  const name = message(`fairness.attributeInText.${attribute}`)
  for (const row of rows) {
    if (!COMPONENTS.includes(row.metric) || row.strength === 'none') continue
    const low = lowest(row)
    const high = highest(row)
    if (!low || !high) continue
    row.drives = indexLow !== undefined && low.group === indexLow.group
    const gap = message('fairness.warning.gap', {
      low: groupText(low.group),
      lowRank: ordinal(low.mean * 100),
      highRank: ordinal(high.mean * 100),
      high: groupText(high.group),
      eta2: row.eta2 ?? '—',
    })
    const metric = message(`fairness.metric.${row.metric}`)
    row.warningText =
      row.drives && index
        ? message('fairness.warning.drives', { metric, attribute: name, gap })
        : message('fairness.warning.differs', {
            metric,
            attribute: name,
            gap,
            index:
              index && index.strength !== 'none'
                ? message('fairness.warning.indexOtherWay')
                : message('fairness.warning.indexHardly', { eta2: index?.eta2 ?? '—' }),
          })
    row.warning = plainEnglish(row.warningText)
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
): Pick<
  FairnessAudit,
  'attributes' | 'impact' | 'distribution' | 'metrics' | 'warnings' | 'findings' | 'method' | 'methodText'
> {
  const tallies = tallyGroups(subjects, ATTRIBUTES, new Set(topBoxes))
  const present = ATTRIBUTES.filter((a) =>
    [...(tallies.get(a)?.keys() ?? [])].some((g) => g !== NOT_RECORDED),
  )
  const impact: ImpactScreen[] = []
  const distribution: AuditDistributionRow[] = []
  const metrics: MetricAuditRow[] = []
  const attributes = present.map((attribute) => {
    const groups = tallies.get(attribute) ?? new Map<string, GroupTally>()
    impact.push(...impactScreens(attribute, groups))
    distribution.push(...distributionRows(attribute, groups))
    metrics.push(...metricRows(attribute, groups))
    return {
      attribute,
      label: ATTRIBUTE_LABELS[attribute],
      recorded: subjects.length - (groups.get(NOT_RECORDED)?.n ?? 0),
    }
  })
  // The findings list what needs a look: a group below four fifths that is unlikely to be chance, a component that
  // drives an agility gap, a component with a medium or larger gap. The rest stays in the tables, marked there:
  // with this many groups and outcomes, some ratios fall below four fifths by chance alone.
  const failing = impact.flatMap((s) => s.rows.filter((r) => r.belowFourFifths).map((r) => ({ s, r })))
  const significant = failing.filter(({ r }) => (r.pValue ?? 1) < 0.05)
  const findings: Message[] = [
    ...significant.map(({ s, r }) =>
      message('fairness.warning.impact', {
        attribute: message(`fairness.attribute.${s.attribute}`),
        outcome: message(`fairness.outcomeInText.${s.outcome}`),
        ...groupResult(r, s.reference),
        p: r.pValue ?? '—',
      }),
    ),
    ...metrics.filter((m) => m.drives).map((m) => m.warningText as Message),
    ...metrics
      .filter((m) => !m.drives && (m.strength === 'medium' || m.strength === 'large') && m.warningText)
      .map((m) => m.warningText as Message),
  ]
  const chance = failing.length - significant.length
  if (chance > 0) findings.push(message('fairness.warning.chance', { count: chance }))
  return {
    attributes,
    impact,
    distribution,
    metrics,
    warnings: findings.map(plainEnglish),
    findings,
    method: AUDIT_METHOD,
    methodText: [...AUDIT_METHOD_TEXT],
  }
}
