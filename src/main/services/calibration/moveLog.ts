import type { WorkspaceDb } from '../../db/openWorkspaceDb'

/** One move of a session's log, with whether it is in force, undone or discarded by a later step. */
export interface MoveLogEntry {
  step: number
  employeeId: string
  name: string | null
  /** Null when the person was placed by hand from the holding area. */
  fromBox: number | null
  toBox: number
  computedBox: number | null
  reasonCode: string
  reason: string
  actor: string
  at: string
  state: 'active' | 'undone' | 'discarded'
}

export function moveLog(db: WorkspaceDb, sessionId: string): MoveLogEntry[] {
  return (
    db
      .prepare(
        `SELECT m.step, p.employee_id AS employeeId, p.full_name AS name, m.from_box AS fromBox, m.to_box AS toBox,
                m.computed_box AS computedBox, m.reason_code AS reasonCode, m.reason, m.actor, m.at, m.state
         FROM calibration_moves m JOIN people p ON p.id = m.person_id WHERE m.session_id = ? ORDER BY m.step, m.id`,
      )
      .all(sessionId) as (Omit<MoveLogEntry, 'state'> & { state: number })[]
  ).map((m) => ({ ...m, state: m.state === 0 ? 'active' : m.state === 1 ? 'undone' : 'discarded' }))
}
