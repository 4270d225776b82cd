import type { CalibrationScope } from '../../../shared/contract/calibration'
import type {
  AppliedMove,
  CalibrationPerson,
  CompetencyRecord,
  CycleInfo,
  LearningRecord,
  ReviewRecord,
} from '../../../core/calibration/evidenceModel'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { jobLevelShown } from '../jobLevelSql'

/**
 * Who a scope covers: everyone under the manager (directly or not, the manager excluded: they are calibrated with
 * their own peers), in the department, location and job level given — all filters combined.
 */
export function peopleInScope(db: WorkspaceDb, scope: CalibrationScope): number[] {
  const where: string[] = [
    "coalesce(p.employment_status, '') NOT IN ('Terminated', 'Inactive', 'Exited')",
    'p.exit_date IS NULL',
  ]
  const params: (string | number)[] = []
  if (scope.department !== undefined) {
    where.push('p.department = ? COLLATE NOCASE')
    params.push(scope.department)
  }
  if (scope.location !== undefined) {
    where.push('p.location = ? COLLATE NOCASE')
    params.push(scope.location)
  }
  if (scope.jobLevel !== undefined) {
    // By the level as shown: "PT5 - Principal" is not "MT5", though both rank 5.
    where.push(`${jobLevelShown('p')} = ? COLLATE NOCASE`)
    params.push(String(scope.jobLevel).trim())
  }
  const subtree =
    scope.manager === undefined
      ? ''
      : `WITH RECURSIVE under (employee_id) AS (
           SELECT employee_id FROM people WHERE manager_id = ?
           UNION SELECT p.employee_id FROM people p JOIN under u ON p.manager_id = u.employee_id
         ) `
  if (scope.manager !== undefined) where.push('p.employee_id IN (SELECT employee_id FROM under)')
  const rows = db
    .prepare(`${subtree}SELECT p.id FROM people p WHERE ${where.join(' AND ')} ORDER BY p.id`)
    .all(...(scope.manager === undefined ? [] : [scope.manager]), ...params) as { id: number }[]
  return rows.map((r) => r.id)
}

/** Cycles newest first: by end date (the name when a cycle has none), the later-made first on a tie. */
export const CYCLE_ORDER = 'coalesce(ends_on, name) DESC, id DESC'

export function cycleByName(db: WorkspaceDb, name: string | undefined): CycleInfo | undefined {
  const sql = `SELECT id, name, starts_on AS startsOn, ends_on AS endsOn, scale_min AS scaleMin, scale_max AS scaleMax
               FROM review_cycles`
  return (
    name === undefined
      ? db.prepare(`${sql} ORDER BY ${CYCLE_ORDER} LIMIT 1`).get()
      : db.prepare(`${sql} WHERE name = ?`).get(name)
  ) as CycleInfo | undefined
}

export function cycleById(db: WorkspaceDb, id: number): CycleInfo {
  return db
    .prepare(
      `SELECT id, name, starts_on AS startsOn, ends_on AS endsOn, scale_min AS scaleMin, scale_max AS scaleMax
       FROM review_cycles WHERE id = ?`,
    )
    .get(id) as CycleInfo
}

/** Everyone in a session with all their reviews, competency ratings and learning records, in four queries. */
export function loadMembers(db: WorkspaceDb, sessionId: string, onlyPersonId?: number): CalibrationPerson[] {
  const members =
    onlyPersonId === undefined
      ? `SELECT person_id FROM calibration_members WHERE session_id = ?`
      : `SELECT person_id FROM calibration_members WHERE session_id = ? AND person_id = ${Math.trunc(onlyPersonId)}`
  const people = db
    .prepare(
      `SELECT id AS personId, employee_id AS employeeId, full_name AS fullName, manager_id AS managerId, department,
              location, job_level AS jobLevel, job_title AS jobTitle, hire_date AS hireDate
       FROM people WHERE id IN (${members}) ORDER BY employee_id`,
    )
    .all(sessionId) as Omit<CalibrationPerson, 'reviews' | 'competencies' | 'learning'>[]
  const byId = new Map<number, CalibrationPerson>(
    people.map((p) => [p.personId, { ...p, reviews: [], competencies: [], learning: [] }]),
  )
  for (const r of db
    .prepare(
      `SELECT r.person_id AS personId, r.id, r.cycle_id AS cycleId, c.name AS cycleName, r.overall_rating AS overallRating,
              r.potential_rating AS potentialRating, c.scale_min AS scaleMin, c.scale_max AS scaleMax,
              r.reviewer_id AS reviewerId, r.review_date AS reviewDate
       FROM reviews r JOIN review_cycles c ON c.id = r.cycle_id WHERE r.person_id IN (${members})`,
    )
    .all(sessionId) as (ReviewRecord & { personId: number })[]) {
    const { personId, ...review } = r
    byId.get(personId)?.reviews.push(review)
  }
  for (const r of db
    .prepare(
      `SELECT cr.person_id AS personId, cr.id, s.name AS skill, cr.level, cr.source, c.name AS cycleName, cr.rated_at AS ratedAt
       FROM competency_ratings cr JOIN skills s ON s.id = cr.skill_id LEFT JOIN review_cycles c ON c.id = cr.cycle_id
       WHERE cr.person_id IN (${members})`,
    )
    .all(sessionId) as (CompetencyRecord & { personId: number })[]) {
    const { personId, ...rating } = r
    byId.get(personId)?.competencies.push(rating)
  }
  for (const r of db
    .prepare(
      `SELECT lr.person_id AS personId, lr.id, i.activity_id AS activityId, i.title, i.activity_type AS activityType,
              i.mandatory, lr.status, lr.score, lr.score_min AS scoreMin, lr.score_max AS scoreMax,
              lr.assigned_at AS assignedAt, lr.due_at AS dueAt, lr.completed_at AS completedAt, lr.valid_until AS validUntil
       FROM learning_records lr JOIN learning_items i ON i.id = lr.item_id WHERE lr.person_id IN (${members})`,
    )
    .all(sessionId) as (Omit<LearningRecord, 'mandatory'> & { personId: number; mandatory: number })[]) {
    const { personId, mandatory, ...record } = r
    byId.get(personId)?.learning.push({ ...record, mandatory: mandatory === 1 })
  }
  return [...byId.values()]
}

export function listCycles(
  db: WorkspaceDb,
): { name: string; scaleMin: number; scaleMax: number; rated: number }[] {
  return db
    .prepare(
      `SELECT c.name, c.scale_min AS scaleMin, c.scale_max AS scaleMax,
              (SELECT count(*) FROM reviews r WHERE r.cycle_id = c.id) AS rated
       FROM review_cycles c ORDER BY ${CYCLE_ORDER}`,
    )
    .all() as { name: string; scaleMin: number; scaleMax: number; rated: number }[]
}

/** The session's moves that are in force (not undone), in step order: the last one per person wins. */
export function activeMoves(db: WorkspaceDb, sessionId: string): AppliedMove[] {
  return db
    .prepare(
      `SELECT p.employee_id AS employeeId, m.to_box AS toBox, m.step, m.reason_code AS reasonCode, m.reason, m.actor, m.at
       FROM calibration_moves m JOIN people p ON p.id = m.person_id
       WHERE m.session_id = ? AND m.state = 0 ORDER BY m.step, m.id`,
    )
    .all(sessionId) as AppliedMove[]
}
