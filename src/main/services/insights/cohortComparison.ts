import type { MethodOutput, ParsedInput } from '../../../shared/contract'
import type { CohortOutcome } from '../../../shared/contract'
import { english, message, type Message } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import { proportionInterval, summarise, welchInterval } from '../../../core/insights/cohortStats'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { learningItemNamed } from './learningItemLookup'

type Result = MethodOutput<'insights.cohort'>

interface CohortRow {
  employeeId: string
  completed: 0 | 1
  anchor: string
  value: number | null
}

const SAMPLE = 100
const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits

/** The outcome as one SQL expression per person, given their window start (`c.anchor`). */
function outcomeSql(outcome: CohortOutcome): { sql: string; params: (string | number)[] } {
  switch (outcome.kind) {
    case 'skill-rating':
      return {
        // The latest rating of the skill by others inside the window (self-ratings are not evidence).
        sql: `(SELECT cr.level FROM competency_ratings cr
               WHERE cr.person_id = c.person_id AND cr.skill_id = @skillId AND cr.source <> 'self'
                 AND cr.rated_at > c.anchor AND cr.rated_at <= c.until
               ORDER BY cr.rated_at DESC LIMIT 1)`,
        params: [],
      }
    case 'next-rating':
      return {
        sql: `(SELECT 1 + 4.0 * (r.overall_rating - rc.scale_min) / (rc.scale_max - rc.scale_min)
               FROM reviews r JOIN review_cycles rc ON rc.id = r.cycle_id
               WHERE r.person_id = c.person_id AND rc.ends_on > c.anchor
               ORDER BY rc.ends_on LIMIT 1)`,
        params: [],
      }
    case 'retained':
      // Measurable only once the window is over; retained unless an exit date falls inside it.
      return {
        sql: `(CASE WHEN date(c.anchor, '+${outcome.months} months') > @today THEN NULL
                    WHEN p.exit_date IS NOT NULL AND p.exit_date <= date(c.anchor, '+${outcome.months} months') THEN 0
                    ELSE 1 END)`,
        params: [],
      }
    case 'promoted':
      // Measurable only once the window is over, like retention: an open window would count only early promotions.
      return {
        sql: `(CASE WHEN date(c.anchor, '+${outcome.months} months') > @today THEN NULL
                    WHEN EXISTS (SELECT 1 FROM promotions pr WHERE pr.person_id = c.person_id
                                   AND pr.promoted_on > c.anchor
                                   AND pr.promoted_on <= date(c.anchor, '+${outcome.months} months')) THEN 1
                    ELSE 0 END)`,
        params: [],
      }
  }
}

function describeOutcome(outcome: CohortOutcome): Message {
  switch (outcome.kind) {
    case 'skill-rating':
      return message('insights.cohort.outcomeSkill', { skill: outcome.skill, count: outcome.withinMonths })
    case 'next-rating':
      return message('insights.cohort.outcomeNext')
    case 'retained':
      return message('insights.cohort.outcomeRetained', { count: outcome.months })
    case 'promoted':
      return message('insights.cohort.outcomePromoted', { count: outcome.months })
  }
}

/**
 * A leading indicator: people who completed a learning item against everyone who did not, on a later outcome. Each
 * completer's window starts at their completion. The others are measured over the same stretch of the calendar:
 * for a skill rating, their latest rating from the first completion to the last completion's window end (ratings
 * come in cycles, and one median date would miss them); for the next cycle's rating and for retention, from the
 * completers' median completion date. One SQL statement, on indexes.
 */
export function compareCohorts(
  db: WorkspaceDb,
  input: ParsedInput<'insights.cohort'>,
  today: string,
): Result {
  const item = learningItemNamed(db, input.item)
  const { outcome } = input
  let skillId: number | null = null
  if (outcome.kind === 'skill-rating') {
    const skill = db
      .prepare(
        `SELECT s.id FROM skills s WHERE s.name = @name COLLATE NOCASE
         UNION SELECT a.skill_id FROM skill_aliases a WHERE a.alias = @name COLLATE NOCASE LIMIT 1`,
      )
      .get({ name: outcome.skill }) as { id: number } | undefined
    if (!skill) throw new AppError('NOT_FOUND', message('insights.errors.noSkill', { skill: outcome.skill }))
    skillId = skill.id
  }
  const within = input.completedWithinMonthsOfHire
  const completedFilter =
    within === undefined
      ? ''
      : `AND p.hire_date IS NOT NULL AND lr.completed_at <= date(p.hire_date, '+${within} months')`
  const measure = outcomeSql(outcome)
  // An outcome with a window that must be over (retention, promotion) is measured for completers who finished long
  // enough ago; everyone else is then anchored at the median of those, not of all completers, or a recent cohort
  // would leave the comparison group with no window over at all.
  const windowed = outcome.kind === 'retained' || outcome.kind === 'promoted'
  const rows = db
    .prepare(
      `WITH done AS (
         SELECT lr.person_id, min(lr.completed_at) AS at FROM learning_records lr JOIN people p ON p.id = lr.person_id
         WHERE lr.item_id = @itemId AND lr.status IN ('completed', 'passed') AND lr.completed_at IS NOT NULL
           ${completedFilter}
         GROUP BY lr.person_id),
       measurable AS (
         SELECT at FROM done WHERE @window IS NULL OR date(at, @window) <= @today),
       median AS (
         SELECT at FROM measurable ORDER BY at LIMIT 1 OFFSET (SELECT (count(*) - 1) / 2 FROM measurable)),
       c AS (
         SELECT d.person_id, 1 AS completed, d.at AS anchor, date(d.at, @span) AS until FROM done d
         UNION ALL
         SELECT p.id, 0,
                CASE WHEN @spanned THEN (SELECT min(at) FROM done) ELSE (SELECT at FROM median) END,
                date((SELECT max(at) FROM done), @span)
         FROM people p
         WHERE p.id NOT IN (SELECT person_id FROM done)
           AND (p.hire_date IS NULL OR p.hire_date <= (SELECT at FROM median))
           AND (p.exit_date IS NULL OR p.exit_date > (SELECT at FROM median)))
       SELECT p.employee_id AS employeeId, c.completed, c.anchor, ${measure.sql} AS value
       FROM c JOIN people p ON p.id = c.person_id
       WHERE c.anchor IS NOT NULL
       ORDER BY c.completed DESC, p.employee_id`,
    )
    .all({
      itemId: item.id,
      skillId,
      today,
      span: `+${outcome.kind === 'skill-rating' ? outcome.withinMonths : 0} months`,
      spanned: outcome.kind === 'skill-rating' ? 1 : 0,
      window: windowed ? `+${outcome.months} months` : null,
    }) as CohortRow[]

  const group = (completed: 0 | 1, labelText: Message): Result['completed'] & { values: number[] } => {
    const members = rows.filter((r) => r.completed === completed)
    const measured = members.filter((r): r is CohortRow & { value: number } => r.value !== null)
    const values = measured.map((r) => r.value)
    const summary = summarise(values)
    return {
      label: english(labelText),
      labelText,
      n: summary.n,
      mean: summary.mean === null ? null : round(summary.mean, 3),
      sd: summary.sd === null ? null : round(summary.sd, 3),
      unmeasured: members.length - measured.length,
      sample: measured
        .slice(0, SAMPLE)
        .map((r) => ({ employeeId: r.employeeId, from: r.anchor, value: round(r.value, 3) })),
      values,
    }
  }
  const completedGroup = group(
    1,
    within === undefined
      ? message('insights.cohort.groupCompleted', { item: item.title })
      : message('insights.cohort.groupCompletedWithin', { item: item.title, count: within }),
  )
  const otherGroup = group(
    0,
    within === undefined
      ? message('insights.cohort.groupOthers')
      : message('insights.cohort.groupOthersWithin', { count: within }),
  )
  const unit =
    outcome.kind === 'retained' || outcome.kind === 'promoted'
      ? 'share'
      : outcome.kind === 'skill-rating'
        ? 'level'
        : 'rating'
  const raw =
    unit === 'share'
      ? proportionInterval(
          { n: completedGroup.n, hits: completedGroup.values.filter((v) => v === 1).length },
          { n: otherGroup.n, hits: otherGroup.values.filter((v) => v === 1).length },
        )
      : welchInterval(summarise(completedGroup.values), summarise(otherGroup.values))
  const difference =
    raw === null
      ? null
      : {
          estimate: round(raw.estimate, 3),
          low: round(raw.low, 3),
          high: round(raw.high, 3),
          method: raw.method,
        }
  const question = message('insights.cohort.question', {
    item: item.title,
    within: within === undefined ? '' : message('insights.cohort.questionWithin', { count: within }),
    outcome: describeOutcome(outcome),
  })
  // `|| 0`: a rounded −0 reads "0", as it always has, not "-0".
  const show = (v: number): Message | number =>
    unit === 'share' ? message('insights.cohort.points', { value: round(v * 100, 1) || 0 }) : round(v, 2) || 0
  const interval = (d: { low: number; high: number }): { low: Message | number; high: Message | number } => ({
    low: show(d.low),
    high: show(d.high),
  })
  const answer =
    difference === null
      ? message('insights.cohort.notEnough')
      : difference.low > 0
        ? message('insights.cohort.higher', {
            estimate: show(difference.estimate),
            ...interval(difference),
            // Counts as written, so the English stays as the CLI has always printed it.
            completers: String(completedGroup.n),
            others: String(otherGroup.n),
          })
        : difference.high < 0
          ? message('insights.cohort.lower', {
              estimate: show(-difference.estimate),
              ...interval(difference),
            })
          : message('insights.cohort.unclear', {
              estimate: show(difference.estimate),
              ...interval(difference),
            })
  const caveat = message('insights.cohort.caveat')
  const method = [
    message('insights.cohort.methodCompleters'),
    outcome.kind === 'skill-rating'
      ? message('insights.cohort.methodOthersSkill', { count: outcome.withinMonths })
      : windowed
        ? message('insights.cohort.methodOthersWindow', { count: outcome.months })
        : message('insights.cohort.methodOthers'),
    message(
      outcome.kind === 'skill-rating'
        ? 'insights.cohort.methodSkill'
        : outcome.kind === 'next-rating'
          ? 'insights.cohort.methodNext'
          : outcome.kind === 'promoted'
            ? 'insights.cohort.methodPromoted'
            : 'insights.cohort.methodRetained',
    ),
    message(unit === 'share' ? 'insights.cohort.methodShare' : 'insights.cohort.methodMeans'),
  ]
  const { values: _a, ...completed } = completedGroup
  const { values: _b, ...notCompleted } = otherGroup
  return {
    question: english(question),
    item: { activityId: item.activityId, title: item.title },
    unit,
    completed,
    notCompleted,
    difference,
    answer: english(answer),
    caveat: english(caveat),
    method: method.map(english),
    text: { question, answer, caveat, method },
  }
}

/** Learning items, the most completed first: what a cohort comparison can be asked about. */
export function learningItemsWithCompletions(db: WorkspaceDb): MethodOutput<'insights.items'> {
  return db
    .prepare(
      `SELECT i.activity_id AS activityId, i.title, i.activity_type AS activityType, coalesce(d.n, 0) AS completions
       FROM learning_items i
       LEFT JOIN (SELECT item_id, count(DISTINCT person_id) AS n FROM learning_records
                  WHERE status IN ('completed', 'passed') GROUP BY item_id) d ON d.item_id = i.id
       ORDER BY completions DESC, i.title`,
    )
    .all() as MethodOutput<'insights.items'>
}
