import type { LearningGoal, MethodOutput, ParsedInput } from '../../../shared/contract'
import { addDays } from '../../../core/dates'
import { english, message, type Message } from '../../../shared/i18n/translate'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { appendAudit } from '../auditLog'
import type { RulesContext } from '../rules/ruleStore'

type Source = LearningGoal['sources'][number]
type Metric = LearningGoal['metric']

/** The table behind each data source: a source is present when its table has a row. */
const SOURCE_TABLE: Record<Source, string> = {
  lms: 'learning_records',
  hris: 'people',
  performance: 'reviews',
  competencies: 'competency_ratings',
  surveys: 'survey_responses',
  xapi: 'xapi_statements',
}

const percent = (share: number): Message =>
  message('insights.goals.percent', { value: Math.round(share * 1000) / 10 })
/** A count as written (the English the CLI has always printed). */
const n = (count: number): string => String(count)

/** Each metric the workspace can compute, in SQL, with the words that say how. */
function measureText(
  db: WorkspaceDb,
  metric: Metric,
  asOf: string,
): { valueText: Message | null; basisText: Message } {
  switch (metric) {
    case 'time-to-proficiency': {
      const row = db
        .prepare(
          `SELECT count(*) AS n, avg(days) AS mean FROM (
             SELECT julianday(min(cr.rated_at)) - julianday(p.hire_date) AS days FROM people p
             JOIN competency_ratings cr ON cr.person_id = p.id AND cr.level >= 3 AND cr.source <> 'self'
             WHERE p.hire_date IS NOT NULL AND cr.rated_at >= p.hire_date GROUP BY p.id)`,
        )
        .get() as { n: number; mean: number | null }
      const days = row.mean === null ? null : Math.round(row.mean)
      return {
        valueText: days === null ? null : message('insights.goals.days', { days: n(days), count: days }),
        basisText: message('insights.goals.proficiency', { n: n(row.n) }),
      }
    }
    case 'retention-90-days': {
      const row = db
        .prepare(
          `SELECT count(*) AS n, sum(exit_date IS NULL OR exit_date > date(hire_date, '+90 days')) AS kept FROM people
           WHERE hire_date IS NOT NULL AND hire_date <= ?`,
        )
        .get(addDays(asOf, -90)) as { n: number; kept: number | null }
      return {
        valueText: row.n === 0 ? null : percent((row.kept ?? 0) / row.n),
        basisText: message('insights.goals.retention', { n: n(row.n) }),
      }
    }
    case 'completion-rate': {
      const row = db
        .prepare(`SELECT count(*) AS n, sum(status IN ('completed', 'passed')) AS done FROM learning_records`)
        .get() as { n: number; done: number | null }
      return {
        valueText: row.n === 0 ? null : percent((row.done ?? 0) / row.n),
        basisText: message('insights.goals.completion', { n: n(row.n) }),
      }
    }
    case 'mandatory-compliance': {
      const row = db
        .prepare(
          `SELECT count(*) AS n, sum(lr.status IN ('completed', 'passed', 'waived')) AS done FROM learning_records lr
           JOIN learning_items i ON i.id = lr.item_id WHERE i.mandatory = 1`,
        )
        .get() as { n: number; done: number | null }
      return {
        valueText: row.n === 0 ? null : percent((row.done ?? 0) / row.n),
        basisText: message('insights.goals.compliance', { n: n(row.n) }),
      }
    }
    case 'high-performer-share': {
      const row = db
        .prepare(
          `SELECT c.name AS cycle, count(*) AS n,
                  sum(1 + 4.0 * (r.overall_rating - c.scale_min) / (c.scale_max - c.scale_min) >= 4 - 1e-9) AS high
           FROM reviews r JOIN review_cycles c ON c.id = r.cycle_id
           WHERE c.id = (SELECT id FROM review_cycles ORDER BY coalesce(ends_on, name) DESC, id DESC LIMIT 1)`,
        )
        .get() as { cycle: string | null; n: number; high: number | null }
      return {
        valueText: row.n === 0 ? null : percent((row.high ?? 0) / row.n),
        basisText: message('insights.goals.highPerformers', {
          cycle: row.cycle ?? message('insights.goals.latestCycle'),
          n: n(row.n),
        }),
      }
    }
    case 'survey-satisfaction': {
      const row = db.prepare('SELECT count(*) AS n, avg(score) AS mean FROM survey_responses').get() as {
        n: number
        mean: number | null
      }
      return {
        valueText:
          row.mean === null ? null : message('insights.plain', { value: Math.round(row.mean * 100) / 100 }),
        basisText: message('insights.goals.survey', { n: n(row.n) }),
      }
    }
    case 'other':
      return { valueText: null, basisText: message('insights.goals.outside') }
  }
}

function measure(
  db: WorkspaceDb,
  metric: Metric,
  asOf: string,
): Pick<LearningGoal, 'value' | 'basis' | 'valueText' | 'basisText'> {
  const { valueText, basisText } = measureText(db, metric, asOf)
  return { value: valueText && english(valueText), basis: english(basisText), valueText, basisText }
}

interface GoalRow {
  id: number
  goal: string
  metric: Metric
  sources_json: string
  note: string | null
}

function withStatus(db: WorkspaceDb, row: GoalRow, asOf: string): LearningGoal {
  const sources = JSON.parse(row.sources_json) as Source[]
  const present = sources.filter(
    (s) => db.prepare(`SELECT 1 FROM ${SOURCE_TABLE[s]} LIMIT 1`).get() !== undefined,
  )
  return {
    id: row.id,
    goal: row.goal,
    metric: row.metric,
    sources,
    note: row.note,
    present,
    ...measure(db, row.metric, asOf),
  }
}

export function listGoals(db: WorkspaceDb, asOf: string): MethodOutput<'insights.goals'> {
  return (db.prepare('SELECT * FROM learning_goals ORDER BY position, id').all() as GoalRow[]).map((r) =>
    withStatus(db, r, asOf),
  )
}

export function saveGoal(
  input: ParsedInput<'insights.saveGoal'>,
  ctx: RulesContext,
): MethodOutput<'insights.saveGoal'> {
  const { db } = ctx
  const id = db.transaction(() => {
    const values = [input.goal, input.metric, JSON.stringify(input.sources), input.note]
    const saved =
      input.id === undefined
        ? Number(
            db
              .prepare(
                `INSERT INTO learning_goals (goal, metric, sources_json, note, position)
                 VALUES (?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM learning_goals))`,
              )
              .run(...values).lastInsertRowid,
          )
        : (db
            .prepare(
              'UPDATE learning_goals SET goal = ?, metric = ?, sources_json = ?, note = ? WHERE id = ?',
            )
            .run(...values, input.id).changes,
          input.id)
    appendAudit(
      db,
      {
        actor: ctx.actor,
        action: 'insights.saveGoal',
        entityType: 'learning_goal',
        entityId: String(saved),
        after: input,
      },
      ctx.now,
    )
    return saved
  })()
  const row = db.prepare('SELECT * FROM learning_goals WHERE id = ?').get(id) as GoalRow | undefined
  if (!row) throw new Error(`learning goal ${id} vanished`)
  return withStatus(db, row, ctx.now.toISOString().slice(0, 10))
}

export function deleteGoal(id: number, ctx: RulesContext): MethodOutput<'insights.deleteGoal'> {
  const deleted = ctx.db.transaction(() => {
    const n = ctx.db.prepare('DELETE FROM learning_goals WHERE id = ?').run(id).changes
    if (n > 0)
      appendAudit(
        ctx.db,
        {
          actor: ctx.actor,
          action: 'insights.deleteGoal',
          entityType: 'learning_goal',
          entityId: String(id),
        },
        ctx.now,
      )
    return n > 0
  })()
  return { deleted }
}
