import type { MethodOutput, ParsedInput } from '../../../shared/contract'
import { addDays, daysBetween } from '../../../core/dates'
import { english, message } from '../../../shared/i18n/translate'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'

type Result = MethodOutput<'insights.flightRisk'>

const monthsToDays = (months: number): number => Math.round(months * 30.44)

/**
 * People whose voluntary learning was steady (enough completions spread over enough months) and then stopped: none
 * in the quiet window before today. One grouped query over the voluntary completions; people who left are out.
 */
export function flightRiskSignals(
  db: WorkspaceDb,
  input: ParsedInput<'insights.flightRisk'>,
  asOf: string,
): Result {
  const quietFrom = addDays(asOf, -monthsToDays(input.quietMonths))
  const steadyFrom = addDays(quietFrom, -monthsToDays(input.steadyMonths))
  const rows = db
    .prepare(
      `SELECT p.id, p.employee_id AS employeeId, coalesce(p.full_name, p.employee_id) AS name, p.department,
              coalesce(m.full_name, p.manager_name, p.manager_id) AS manager,
              sum(lr.completed_at >= @steadyFrom AND lr.completed_at < @quietFrom) AS completions,
              count(DISTINCT CASE WHEN lr.completed_at >= @steadyFrom AND lr.completed_at < @quietFrom
                                  THEN substr(lr.completed_at, 1, 7) END) AS activeMonths,
              max(lr.completed_at) AS lastCompletion
       FROM learning_records lr
       JOIN people p ON p.id = lr.person_id
       LEFT JOIN people m ON m.employee_id = p.manager_id
       WHERE lr.voluntary = 1 AND lr.status IN ('completed', 'passed')
         AND lr.completed_at >= @steadyFrom AND lr.completed_at <= @asOf
         AND (p.exit_date IS NULL OR p.exit_date > @asOf)
       GROUP BY p.id
       HAVING completions >= @minCompletions AND activeMonths >= @minActiveMonths AND lastCompletion < @quietFrom
       ORDER BY lastCompletion, p.employee_id`,
    )
    .all({
      steadyFrom,
      quietFrom,
      asOf,
      minCompletions: input.minCompletions,
      minActiveMonths: input.minActiveMonths,
    }) as (Omit<Result['people'][number], 'daysSince' | 'evidence'> & { id: number })[]
  const evidence = db.prepare(
    `SELECT i.title, lr.completed_at AS completedAt FROM learning_records lr JOIN learning_items i ON i.id = lr.item_id
     WHERE lr.person_id = ? AND lr.voluntary = 1 AND lr.status IN ('completed', 'passed')
       AND lr.completed_at >= ? AND lr.completed_at < ? ORDER BY lr.completed_at DESC`,
  )
  const rule = message('insights.flightRisk.rule', {
    steadyFrom,
    quietFrom,
    completions: message('insights.flightRisk.ruleCompletions', { count: input.minCompletions }),
    months: message('insights.flightRisk.ruleMonths', { count: input.minActiveMonths }),
    count: input.quietMonths,
    asOf,
  })
  const note = message('insights.flightRisk.note')
  return {
    asOf,
    rule: english(rule),
    ruleText: rule,
    note: english(note),
    noteText: note,
    people: rows.map(({ id, ...r }) => ({
      ...r,
      daysSince: daysBetween(r.lastCompletion, asOf),
      evidence: evidence.all(id, steadyFrom, quietFrom) as Result['people'][number]['evidence'],
    })),
  }
}
