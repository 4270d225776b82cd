import type { MethodOutput, ParsedInput } from '../../../shared/contract'
import { message } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { appendAudit } from '../auditLog'
import { assertEditable, sessionRow, type CalibrationContext } from './sessionRecord'
import { computeView } from './sessionView'

export function moveInSession(
  input: ParsedInput<'calibration.move'>,
  ctx: CalibrationContext,
): MethodOutput<'calibration.move'> {
  const { db } = ctx
  const row = sessionRow(db, input.sessionId)
  assertEditable(row)
  const view = computeView(db, row, true)
  const byEmployee = new Map(view.placements.map((p) => [p.employeeId, p]))
  const unknown = input.employeeIds.filter((id) => !byEmployee.has(id))
  if (unknown.length > 0) {
    const held = unknown.filter((id) => view.holding.some((h) => h.employeeId === id))
    throw new AppError(
      'INVALID_INPUT',
      held.length > 0
        ? message('calibration.errors.heldOnGrid', { ids: held.join(', '), count: held.length })
        : message('calibration.errors.notInSession', { ids: unknown.join(', '), count: unknown.length }),
      { employeeIds: unknown },
    )
  }
  const step =
    ((
      db.prepare('SELECT max(step) AS step FROM calibration_moves WHERE session_id = ?').get(row.id) as {
        step: number | null
      }
    ).step ?? 0) + 1
  const at = ctx.now.toISOString()
  let moved = 0
  // Only people who actually change box make a step; asking twice for the same person counts once.
  const changes = [...new Set(input.employeeIds)]
    .map((id) => byEmployee.get(id))
    .filter((p): p is NonNullable<typeof p> => p !== undefined && p.box !== input.box)
  if (changes.length === 0) return { moved: 0, step: 0 }
  db.transaction(() => {
    // A new move ends the redo history: those steps stay on record as discarded.
    db.prepare('UPDATE calibration_moves SET state = 2 WHERE session_id = ? AND state = 1').run(row.id)
    const insert = db.prepare(
      `INSERT INTO calibration_moves (session_id, step, person_id, from_box, to_box, computed_box, reason_code, reason, actor, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    for (const p of changes) {
      const id = p.employeeId
      insert.run(
        row.id,
        step,
        p.personId,
        p.box,
        input.box,
        p.computedBox,
        input.reasonCode,
        input.reason,
        ctx.actor,
        at,
      )
      appendAudit(
        db,
        {
          actor: ctx.actor,
          action: 'calibration.move',
          entityType: 'calibration_session',
          entityId: row.id,
          before: { employeeId: id, box: p.box },
          after: { employeeId: id, box: input.box, step },
          reason: `${input.reasonCode}: ${input.reason}`,
        },
        ctx.now,
      )
      moved++
    }
    if (row.status === 'draft' && moved > 0)
      db.prepare("UPDATE calibration_sessions SET status = 'live' WHERE id = ?").run(row.id)
  })()
  return { moved, step }
}

export function undoStep(sessionId: string, ctx: CalibrationContext): MethodOutput<'calibration.undo'> {
  return shiftStep(sessionId, ctx, 'undo')
}

export function redoStep(sessionId: string, ctx: CalibrationContext): MethodOutput<'calibration.redo'> {
  return shiftStep(sessionId, ctx, 'redo')
}

export function shiftStep(
  sessionId: string,
  ctx: CalibrationContext,
  direction: 'undo' | 'redo',
): { step: number | null } {
  const { db } = ctx
  const row = sessionRow(db, sessionId)
  assertEditable(row)
  const found = db
    .prepare(
      direction === 'undo'
        ? 'SELECT max(step) AS step FROM calibration_moves WHERE session_id = ? AND state = 0'
        : 'SELECT min(step) AS step FROM calibration_moves WHERE session_id = ? AND state = 1',
    )
    .get(sessionId) as { step: number | null }
  if (found.step === null) return { step: null }
  db.transaction(() => {
    db.prepare('UPDATE calibration_moves SET state = ? WHERE session_id = ? AND step = ?').run(
      direction === 'undo' ? 1 : 0,
      sessionId,
      found.step,
    )
    appendAudit(
      db,
      {
        actor: ctx.actor,
        action: `calibration.${direction}`,
        entityType: 'calibration_session',
        entityId: sessionId,
        after: { step: found.step },
      },
      ctx.now,
    )
  })()
  return { step: found.step }
}

export interface MoveLogEntry {
  step: number
  employeeId: string
  name: string | null
  fromBox: number
  toBox: number
  computedBox: number
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
