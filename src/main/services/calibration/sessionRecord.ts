import { message } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'

export interface CalibrationContext {
  db: WorkspaceDb
  actor: string
  now: Date
}

export interface SessionRow {
  id: string
  name: string
  cycle_id: number
  scope_json: string
  facilitator: string
  status: 'draft' | 'live' | 'finalized' | 'reopened'
  settings_json: string
  blind: number
  created_at: string
  finalized_json: string | null
}

export function sessionRow(db: WorkspaceDb, sessionId: string): SessionRow {
  const row = db.prepare('SELECT * FROM calibration_sessions WHERE id = ?').get(sessionId) as
    SessionRow | undefined
  if (!row)
    throw new AppError('NOT_FOUND', message('calibration.errors.noSession', { id: sessionId }), {
      sessionId,
    })
  return row
}

export function assertEditable(row: SessionRow): void {
  if (row.status === 'finalized')
    throw new AppError('SESSION_LOCKED', message('calibration.errors.finalized', { name: row.name }), {
      sessionId: row.id,
    })
}

export function personIdIn(db: WorkspaceDb, sessionId: string, employeeId: string): number {
  const found = db
    .prepare(
      `SELECT p.id FROM calibration_members m JOIN people p ON p.id = m.person_id
       WHERE m.session_id = ? AND p.employee_id = ?`,
    )
    .get(sessionId, employeeId) as { id: number } | undefined
  if (!found)
    throw new AppError(
      'INVALID_INPUT',
      message('calibration.errors.notInSession', { ids: employeeId, count: 1 }),
      {
        employeeId,
      },
    )
  return found.id
}

/** The session (refused when finalized) and the person in it, for the per-person edits. */
export function editablePerson(
  db: WorkspaceDb,
  sessionId: string,
  employeeId: string,
): { row: SessionRow; personId: number } {
  const row = sessionRow(db, sessionId)
  assertEditable(row)
  return { row, personId: personIdIn(db, row.id, employeeId) }
}
