import type { CalibrationScope } from '../../../shared/contract/calibration'
import type {
  AppliedMove,
  CalibrationPerson,
  CompetencyRecord,
  CycleInfo,
  LearningRecord,
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
  // Rows as arrays, each record built once with a fixed shape: taking personId out of a row object by rest
  // destructuring copied every row again in a runtime call, which at 50,000 people (~900,000 records) was most of
  // the load and much of its garbage.
  const rows = (sql: string): unknown[][] => db.prepare(sql).raw(true).all(sessionId) as unknown[][]
  for (const r of rows(
    `SELECT r.person_id, r.id, r.cycle_id, c.name, r.overall_rating, r.potential_rating, c.scale_min, c.scale_max,
            r.reviewer_id, r.review_date
     FROM reviews r JOIN review_cycles c ON c.id = r.cycle_id WHERE r.person_id IN (${members})`,
  ))
    byId.get(r[0] as number)?.reviews.push({
      id: r[1] as number,
      cycleId: r[2] as number,
      cycleName: r[3] as string,
      overallRating: r[4] as number,
      potentialRating: r[5] as number | null,
      scaleMin: r[6] as number,
      scaleMax: r[7] as number,
      reviewerId: r[8] as string | null,
      reviewDate: r[9] as string | null,
    })
  // Skills and cycles are few: their names are read once and shared, not made again for each of ~400,000 ratings.
  const skills = new Map(
    (db.prepare('SELECT id, name FROM skills').raw(true).all() as [number, string][]).map(([id, name]) => [
      id,
      name,
    ]),
  )
  const cycles = new Map(
    (db.prepare('SELECT id, name FROM review_cycles').raw(true).all() as [number, string][]).map(
      ([id, name]) => [id, name],
    ),
  )
  for (const r of rows(
    `SELECT cr.person_id, cr.id, cr.skill_id, cr.level, cr.source, cr.cycle_id, cr.rated_at
     FROM competency_ratings cr WHERE cr.person_id IN (${members})`,
  )) {
    const skill = skills.get(r[2] as number)
    if (skill === undefined) continue
    byId.get(r[0] as number)?.competencies.push({
      id: r[1] as number,
      skill,
      level: r[3] as number,
      source: r[4] as CompetencyRecord['source'],
      cycleName: r[5] === null ? null : (cycles.get(r[5] as number) ?? null),
      ratedAt: r[6] as string | null,
    })
  }
  // The same for learning items: each record points at its item's id, title, type and mandatory flag.
  const items = new Map(
    (
      db
        .prepare('SELECT id, activity_id, title, activity_type, mandatory FROM learning_items')
        .raw(true)
        .all() as [number, string, string, LearningRecord['activityType'], number][]
    ).map(([id, activityId, title, activityType, mandatory]) => [
      id,
      { activityId, title, activityType, mandatory: mandatory === 1 },
    ]),
  )
  for (const r of rows(
    `SELECT lr.person_id, lr.id, lr.item_id, lr.status, lr.score, lr.score_min, lr.score_max, lr.assigned_at,
            lr.due_at, lr.completed_at, lr.valid_until
     FROM learning_records lr WHERE lr.person_id IN (${members})`,
  )) {
    const item = items.get(r[2] as number)
    if (!item) continue
    byId.get(r[0] as number)?.learning.push({
      id: r[1] as number,
      activityId: item.activityId,
      title: item.title,
      activityType: item.activityType,
      mandatory: item.mandatory,
      status: r[3] as LearningRecord['status'],
      score: r[4] as number | null,
      scoreMin: r[5] as number | null,
      scoreMax: r[6] as number | null,
      assignedAt: r[7] as string | null,
      dueAt: r[8] as string | null,
      completedAt: r[9] as string | null,
      validUntil: r[10] as string | null,
    })
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
