import type { MethodOutput } from '../../../shared/contract'
import { AppError } from '../../../shared/result'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { readSnapshot } from '../calibration/flagRecords'
import { showSession } from '../calibration/sessionView'

type Journey = MethodOutput<'insights.journey'>
type Event = Journey['events'][number]

/** The state of a learning record on the day asked: done, failed, past its due date, or a credential's validity. */
function learningState(
  r: {
    status: string
    dueAt: string | null
    validUntil: string | null
    activityType: string
  },
  asOf: string,
): string {
  if (r.status === 'failed') return 'failed'
  if (r.status === 'completed' || r.status === 'passed' || r.status === 'waived') {
    if (r.activityType === 'certification' || r.validUntil !== null)
      return r.validUntil !== null && r.validUntil < asOf ? 'expired' : 'valid'
    return 'completed'
  }
  return r.dueAt !== null && r.dueAt < asOf ? 'overdue' : 'open'
}

/** One person's records, dated and in order: the story behind every number the other views show about them. */
export function personJourney(db: WorkspaceDb, employeeId: string, asOf: string): Journey {
  const person = db
    .prepare(
      `SELECT id, employee_id AS employeeId, coalesce(full_name, employee_id) AS name, job_title AS jobTitle, department,
              hire_date AS hireDate FROM people WHERE employee_id = ?`,
    )
    .get(employeeId) as (Journey['person'] & { id: number }) | undefined
  if (!person) throw new AppError('NOT_FOUND', `There is no person ${employeeId} in this workspace.`)
  const events: Event[] = []
  for (const r of db
    .prepare(
      `SELECT i.title, i.activity_type AS activityType, lr.status, lr.score, lr.score_max AS scoreMax,
              lr.assigned_at AS assignedAt, lr.due_at AS dueAt, lr.completed_at AS completedAt, lr.valid_until AS validUntil
       FROM learning_records lr JOIN learning_items i ON i.id = lr.item_id WHERE lr.person_id = ?`,
    )
    .all(person.id) as {
    title: string
    activityType: string
    status: string
    score: number | null
    scoreMax: number | null
    assignedAt: string | null
    dueAt: string | null
    completedAt: string | null
    validUntil: string | null
  }[]) {
    const date = r.completedAt ?? r.dueAt ?? r.assignedAt
    if (!date) continue
    const state = learningState(r, asOf)
    const parts = [r.status.replace('_', ' ')]
    if (r.score !== null) parts.push(`score ${r.score}${r.scoreMax === null ? '' : `/${r.scoreMax}`}`)
    if (r.dueAt) parts.push(`due ${r.dueAt}`)
    if (r.validUntil) parts.push(`valid until ${r.validUntil}`)
    events.push({
      date,
      kind: r.activityType === 'certification' ? 'certification' : 'learning',
      title: r.title,
      detail: parts.join(', '),
      state,
    })
  }
  for (const r of db
    .prepare(
      `SELECT c.name AS cycle, r.overall_rating AS rating, c.scale_max AS scaleMax, r.potential_rating AS potential,
              coalesce(r.review_date, c.ends_on) AS date, r.reviewer_id AS reviewer
       FROM reviews r JOIN review_cycles c ON c.id = r.cycle_id WHERE r.person_id = ?`,
    )
    .all(person.id) as {
    cycle: string
    rating: number
    scaleMax: number
    potential: number | null
    date: string | null
    reviewer: string | null
  }[])
    if (r.date)
      events.push({
        date: r.date,
        kind: 'review',
        title: `${r.cycle} review`,
        detail: `overall ${r.rating} of ${r.scaleMax}${r.potential === null ? '' : `, potential ${r.potential}`}${r.reviewer ? `, by ${r.reviewer}` : ''}`,
        state: null,
      })
  for (const r of db
    .prepare(
      `SELECT s.name AS skill, cr.level, cr.source, cr.rated_at AS date FROM competency_ratings cr
       JOIN skills s ON s.id = cr.skill_id WHERE cr.person_id = ? AND cr.rated_at IS NOT NULL`,
    )
    .all(person.id) as { skill: string; level: number; source: string; date: string }[])
    events.push({
      date: r.date,
      kind: 'rating',
      title: r.skill,
      detail: `level ${r.level} (${r.source})`,
      state: null,
    })
  for (const s of db
    .prepare(
      `SELECT s.id, s.name, s.status, s.finalized_json AS snapshot, s.created_at AS createdAt FROM calibration_members m
       JOIN calibration_sessions s ON s.id = m.session_id WHERE m.person_id = ? ORDER BY s.created_at`,
    )
    .all(person.id) as {
    id: string
    name: string
    status: string
    snapshot: string | null
    createdAt: string
  }[]) {
    const view = s.snapshot ? readSnapshot(s.snapshot).view : showSession(db, s.id)
    const placed = view.placements.find((p) => p.employeeId === employeeId)
    const held = view.holding.find((h) => h.employeeId === employeeId)
    events.push({
      date: s.createdAt.slice(0, 10),
      kind: 'placement',
      title: `Calibration: ${s.name}`,
      detail: placed
        ? `box ${placed.box}${placed.box === placed.computedBox ? '' : ` (the data put them in ${placed.computedBox})`}, ${s.status}`
        : held
          ? `holding area: ${held.explanation}`
          : s.status,
      state: s.status,
    })
  }
  for (const m of db
    .prepare(
      `SELECT s.name, m.from_box AS fromBox, m.to_box AS toBox, m.reason, m.actor, m.at, m.state FROM calibration_moves m
       JOIN calibration_sessions s ON s.id = m.session_id WHERE m.person_id = ?`,
    )
    .all(person.id) as {
    name: string
    fromBox: number
    toBox: number
    reason: string
    actor: string
    at: string
    state: number
  }[])
    events.push({
      date: m.at.slice(0, 10),
      kind: 'move',
      title: `Moved in ${m.name}`,
      detail: `box ${m.fromBox} → ${m.toBox} by ${m.actor}: ${m.reason}${m.state === 0 ? '' : ' (undone)'}`,
      state: null,
    })
  for (const a of db
    .prepare(
      `SELECT a.kind, a.reason, a.status, a.created_at AS at, a.due_at AS dueAt, i.title FROM outbox_actions a
       LEFT JOIN learning_items i ON i.id = a.item_id WHERE a.person_id = ?`,
    )
    .all(person.id) as {
    kind: string
    reason: string
    status: string
    at: string
    dueAt: string | null
    title: string | null
  }[])
    events.push({
      date: a.at.slice(0, 10),
      kind: 'action',
      title: `${a.kind === 'assign' ? 'Assigned' : a.kind === 'recommend' ? 'Recommended' : 'Notified'}${a.title ? `: ${a.title}` : ''}`,
      detail: `${a.reason}${a.dueAt ? ` (due ${a.dueAt})` : ''}`,
      state: a.status,
    })
  events.sort((x, y) => x.date.localeCompare(y.date) || x.kind.localeCompare(y.kind))
  const { id: _id, ...summary } = person
  return { person: summary, events }
}
