import type { MethodOutput, ParsedInput, SegmentDimension } from '../../../shared/contract'
import { english, message, type Message } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import { attributeChange } from '../../../core/insights/dropAttribution'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { learningItemNamed } from './learningItemLookup'

type Result = MethodOutput<'insights.program'>

const SEGMENT_SQL: Record<SegmentDimension, string> = {
  department: "coalesce(p.department, '(no department)')",
  location: "coalesce(p.location, '(no location)')",
  // A level as the file gave it ("PT5 - Principal"); one stored as a number is "Level 3".
  jobLevel: "coalesce(p.job_level_label, 'Level ' || p.job_level, '(no level)')",
  manager: "coalesce(m.full_name, p.manager_name, p.manager_id, '(no manager)')",
}
const ALL_DIMENSIONS = Object.keys(SEGMENT_SQL) as SegmentDimension[]
const FROM_RECORDS = `FROM learning_records lr JOIN people p ON p.id = lr.person_id
  LEFT JOIN people m ON m.employee_id = p.manager_id`
const RECORD_LIST_LIMIT = 500

/** "a, b or c" (or "a, b" with `last` null), in the words of the language shown. */
function list(items: readonly (Message | string)[], last: 'or' | null = null): Message | string {
  const [first, ...rest] = items
  if (first === undefined) return ''
  if (rest.length === 0) return first
  const tail = rest[rest.length - 1] as Message | string
  if (last !== null && rest.length === 1) return message(`insights.list.${last}`, { first, last: tail })
  return message('insights.list.comma', { first, rest: list(rest, last) })
}
const dimensionWord = (d: SegmentDimension): Message => message(`insights.dimensionLower.${d}`)
/** "location London, department Sales": the segments drilled into. */
const segmentRef = (w: { dimension: SegmentDimension; segment: string }): Message =>
  message('insights.segment.ref', { dimension: dimensionWord(w.dimension), segment: w.segment })
/** A share as the percentage points shown (one decimal); `|| 0` keeps a rounded −0 reading "0". */
const points = (share: number): number => Math.round(share * 1000) / 10 || 0

/** A fall smaller than this is noise, not a finding. */
const MEANINGFUL_FALL = 0.05
/** A segment "concentrates" a fall when it carries at least a quarter of it and 1.5 times its share of the people. */
const MIN_SHARE = 0.25
const CONCENTRATION = 1.5

const rate = (assigned: number, completed: number): number | null =>
  assigned === 0 ? null : Math.round((1000 * completed) / assigned) / 1000

interface Row {
  period: string
  segment: string
  assigned: number
  completed: number
}

/**
 * A program's reach and completion over time. Each record belongs to the period it was assigned in (else due, else
 * completed) and counts as completed when its status says so; one grouped query per segment dimension.
 */
export function programTrend(
  db: WorkspaceDb,
  input: ParsedInput<'insights.program'>,
  /** The dimensions drop attribution may look at (those tagged for development). */
  dimensions: readonly SegmentDimension[] = ALL_DIMENSIONS,
): Result {
  const item = learningItemNamed(db, input.item)
  const within = input.within
  // Drilling in is one more condition on every query, so the segment's numbers are counted like everyone's.
  const inSegment = within.map((w) => `AND ${SEGMENT_SQL[w.dimension]} = ?`).join(' ')
  const segmentParams = within.map((w) => w.segment)
  const drilled = list(within.map(segmentRef))
  const periodSql =
    input.period === 'month'
      ? 'substr(coalesce(lr.assigned_at, lr.due_at, lr.completed_at), 1, 7)'
      : "substr(coalesce(lr.assigned_at, lr.due_at, lr.completed_at), 1, 4) || '-Q' || ((cast(substr(coalesce(lr.assigned_at, lr.due_at, lr.completed_at), 6, 2) AS INTEGER) + 2) / 3)"
  const grouped = (dimension: SegmentDimension): Row[] =>
    db
      .prepare(
        `SELECT ${periodSql} AS period, ${SEGMENT_SQL[dimension]} AS segment, count(*) AS assigned,
                sum(lr.status IN ('completed', 'passed')) AS completed
         ${FROM_RECORDS}
         WHERE lr.item_id = ? AND coalesce(lr.assigned_at, lr.due_at, lr.completed_at) IS NOT NULL ${inSegment}
         GROUP BY period, segment`,
      )
      .all(item.id, ...segmentParams) as Row[]

  const rows = grouped(input.segmentBy)
  const periods = [...new Set(rows.map((r) => r.period))].sort()
  const totals = periods.map((period) => {
    const inPeriod = rows.filter((r) => r.period === period)
    const assigned = inPeriod.reduce((s, r) => s + r.assigned, 0)
    const completed = inPeriod.reduce((s, r) => s + r.completed, 0)
    return { period, assigned, completed, rate: rate(assigned, completed) }
  })
  const segmentNames = [...new Set(rows.map((r) => r.segment))].sort()
  const segments = segmentNames.map((segment) => ({
    segment,
    cells: periods.map((period) => {
      const r = rows.find((x) => x.period === period && x.segment === segment)
      return {
        assigned: r?.assigned ?? 0,
        completed: r?.completed ?? 0,
        rate: rate(r?.assigned ?? 0, r?.completed ?? 0),
      }
    }),
  }))
  const reach = (
    db
      .prepare(`SELECT count(DISTINCT lr.person_id) AS n ${FROM_RECORDS} WHERE lr.item_id = ? ${inSegment}`)
      .get(item.id, ...segmentParams) as { n: number }
  ).n
  if (within.length > 0 && reach === 0) {
    const quoted = list(
      within.map((w) =>
        message('insights.segment.quoted', { dimension: dimensionWord(w.dimension), segment: w.segment }),
      ),
    )
    throw new AppError(
      'NOT_FOUND',
      message('insights.errors.noRecordIn', { where: quoted, item: item.title }),
    )
  }
  const survey = db
    .prepare(
      `SELECT s.question, count(*) AS n, round(avg(s.score), 2) AS mean FROM survey_responses s
       LEFT JOIN people p ON p.id = s.person_id LEFT JOIN people m ON m.employee_id = p.manager_id
       WHERE s.activity_id IN (?, ?) ${inSegment} GROUP BY s.question ORDER BY s.question`,
    )
    .all(item.activityId, item.title, ...segmentParams) as Result['survey']
  const drop = explainDrop(
    totals,
    grouped,
    input.segmentBy,
    rows,
    dimensions.filter((d) => !within.some((w) => w.dimension === d)),
  )
  const recent = periods.slice(-2)
  const records = (
    within.length > 0 && recent.length > 0
      ? db
          .prepare(
            `SELECT p.employee_id AS employeeId, p.full_name AS name, ${periodSql} AS period, lr.status,
                    lr.assigned_at AS assignedAt, lr.due_at AS dueAt, lr.completed_at AS completedAt
             ${FROM_RECORDS}
             WHERE lr.item_id = ? ${inSegment} AND ${periodSql} IN (${recent.map(() => '?').join(', ')})
             ORDER BY period DESC, lr.status IN ('completed', 'passed'), p.full_name`,
          )
          .all(item.id, ...segmentParams, ...recent)
      : []
  ) as Result['records']

  return {
    item: { activityId: item.activityId, title: item.title },
    within,
    reach,
    period: input.period,
    periods: totals,
    segmentBy: input.segmentBy,
    segments,
    drop:
      drop && within.length > 0
        ? withFinding(
            drop,
            message('insights.program.drilled', { where: drilled, finding: drop.findingText }),
          )
        : drop,
    survey,
    records: records.slice(0, RECORD_LIST_LIMIT),
    recordsTotal: records.length,
  }
}

/**
 * When the last period's rate fell from the one before, every segment of every dimension gets its share of the
 * fall; the finding names the segment that carries most of it.
 */
function explainDrop(
  totals: { period: string; assigned: number; completed: number; rate: number | null }[],
  grouped: (dimension: SegmentDimension) => Row[],
  shownDimension: SegmentDimension,
  shownRows: Row[],
  /** Where to look: the dimensions not drilled into (each has one value inside the drilled segment). */
  dimensions: readonly SegmentDimension[],
): Result['drop'] {
  const last = totals[totals.length - 1]
  const previous = totals[totals.length - 2]
  if (!last || !previous || last.rate === null || previous.rate === null) return null
  if (previous.rate - last.rate < MEANINGFUL_FALL) return null
  const contributions = dimensions.flatMap((dimension) => {
    const rows = dimension === shownDimension ? shownRows : grouped(dimension)
    const names = [...new Set(rows.map((r) => r.segment))]
    const counts = (period: string, segment: string): { n: number; hits: number } => {
      const r = rows.find((x) => x.period === period && x.segment === segment)
      return { n: r?.assigned ?? 0, hits: r?.completed ?? 0 }
    }
    return attributeChange(
      names.map((segment) => ({
        segment,
        before: counts(previous.period, segment),
        after: counts(last.period, segment),
      })),
    ).segments.map((s) => ({ dimension, ...s }))
  })
  const ranked = contributions
    .map(({ dimension, segment, rateBefore, rateAfter, before, after, shareOfChange }) => ({
      dimension,
      segment,
      rateBefore: rateBefore === null ? null : Math.round(rateBefore * 1000) / 1000,
      rateAfter: rateAfter === null ? null : Math.round(rateAfter * 1000) / 1000,
      before,
      after,
      shareOfChange: shareOfChange === null ? null : Math.round(shareOfChange * 1000) / 1000,
      shareOfPeople: last.assigned === 0 ? 0 : Math.round((1000 * after.n) / last.assigned) / 1000,
    }))
    .sort((a, b) => (b.shareOfChange ?? 0) - (a.shareOfChange ?? 0))
  // A big segment carries a big share of any fall: "concentrated" means well over its share of the people.
  const top = ranked.find(
    (s) => (s.shareOfChange ?? 0) >= MIN_SHARE && (s.shareOfChange ?? 0) >= CONCENTRATION * s.shareOfPeople,
  )
  const headline = message('insights.program.headline', {
    fall: points(previous.rate - last.rate),
    before: points(previous.rate),
    after: points(last.rate),
    from: previous.period,
    to: last.period,
  })
  const finding = top
    ? message('insights.program.concentrated', {
        headline,
        share: Math.round((top.shareOfChange ?? 0) * 100) || 0,
        where: segmentRef(top),
        people: Math.round(top.shareOfPeople * 100) || 0,
        // Counts as written, so the English stays as the CLI has always printed it.
        hitsAfter: String(top.after.hits),
        nAfter: String(top.after.n),
        hitsBefore: String(top.before.hits),
        nBefore: String(top.before.n),
      })
    : message('insights.program.spread', {
        headline,
        dimensions: list(
          dimensions.map((d) => message(`insights.dimensionAny.${d}`)),
          'or',
        ),
      })
  return withFinding(
    {
      from: previous.period,
      to: last.period,
      before: previous.rate,
      after: last.rate,
      segments: ranked.slice(0, 10),
    },
    finding,
  )
}

type Drop = NonNullable<Result['drop']>
const withFinding = (drop: Omit<Drop, 'finding' | 'findingText'>, findingText: Message): Drop => ({
  ...drop,
  finding: english(findingText),
  findingText,
})
