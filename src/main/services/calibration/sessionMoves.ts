import type { MethodOutput, ParsedInput } from '../../../shared/contract'
import { moveNeedsText, type CalibrationSettings } from '../../../shared/contract/calibration'
import { message } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { appendAudit } from '../auditLog'
import { assertEditable, sessionRow, type CalibrationContext } from './sessionRecord'
import { computeView } from './sessionView'
import { computedBoxesKey, computedBoxesOf, currentBoxes, type ComputedBox } from './computedBoxes'
import { sessionMemoIfKept } from './sessionCache'

export function moveInSession(
  input: ParsedInput<'calibration.move'>,
  ctx: CalibrationContext,
): MethodOutput<'calibration.move'> {
  const { db } = ctx
  const row = sessionRow(db, input.sessionId)
  assertEditable(row)
  const settings = JSON.parse(row.settings_json) as CalibrationSettings
  if (input.reason.length < 3 && moveNeedsText(input.reasonCode, settings))
    throw new AppError(
      'INVALID_INPUT',
      message(
        input.reasonCode === 'other' ? 'calibration.errors.moveWhyOther' : 'calibration.errors.moveWhy',
      ),
      { reasonCode: input.reasonCode },
    )
  // Where each person is now: a box on the grid, or none for someone in the holding area (placed by hand). The
  // data's boxes kept from the last view make this a lookup; without them the grid is computed once.
  const boxes =
    sessionMemoIfKept<Map<string, ComputedBox>>(db, row.id, computedBoxesKey(row.settings_json)) ??
    computedBoxesOf(computeView(db, row, true))
  const byEmployee = currentBoxes(db, row.id, boxes, input.employeeIds)
  const unknown = input.employeeIds.filter((id) => !byEmployee.has(id))
  if (unknown.length > 0)
    throw new AppError(
      'INVALID_INPUT',
      message('calibration.errors.notInSession', { ids: unknown.join(', '), count: unknown.length }),
      { employeeIds: unknown },
    )
  const step = nextStep(db, row.id)
  const at = ctx.now.toISOString()
  let moved = 0
  // Only people who actually change box make a step; asking twice for the same person counts once.
  const changes = [...new Set(input.employeeIds)]
    .map((id) => ({
      employeeId: id,
      ...(byEmployee.get(id) as { personId: number; box: number | null; computedBox: number | null }),
    }))
    .filter((p) => p.box !== input.box)
  if (changes.length === 0) return { moved: 0, step: 0 }
  db.transaction(() => {
    // A new move ends the redo history: those steps stay on record as discarded.
    discardRedo(db, row.id)
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
          reason: input.reason ? `${input.reasonCode}: ${input.reason}` : input.reasonCode,
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

/** The next step of a session's undo history, shared by moves and setting changes. */
export function nextStep(db: WorkspaceDb, sessionId: string): number {
  const found = db
    .prepare(
      `SELECT max(step) AS step FROM (SELECT step FROM calibration_moves WHERE session_id = ?
       UNION ALL SELECT step FROM calibration_setting_steps WHERE session_id = ?)`,
    )
    .get(sessionId, sessionId) as { step: number | null }
  return (found.step ?? 0) + 1
}

/** A new step ends the redo history: the undone steps stay on record as discarded. */
export function discardRedo(db: WorkspaceDb, sessionId: string): void {
  db.prepare('UPDATE calibration_moves SET state = 2 WHERE session_id = ? AND state = 1').run(sessionId)
  db.prepare('UPDATE calibration_setting_steps SET state = 2 WHERE session_id = ? AND state = 1').run(
    sessionId,
  )
}

/** The step undo (the newest active) or redo (the oldest undone) would take, across moves and setting changes. */
export function stepToShift(db: WorkspaceDb, sessionId: string, direction: 'undo' | 'redo'): number | null {
  const [pick, state] = direction === 'undo' ? ['max', 0] : ['min', 1]
  return (
    db
      .prepare(
        `SELECT ${pick}(step) AS step FROM (SELECT step FROM calibration_moves WHERE session_id = ? AND state = ?
         UNION ALL SELECT step FROM calibration_setting_steps WHERE session_id = ? AND state = ?)`,
      )
      .get(sessionId, state, sessionId, state) as { step: number | null }
  ).step
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
  const found = { step: stepToShift(db, sessionId, direction) }
  if (found.step === null) return { step: null }
  db.transaction(() => {
    db.prepare('UPDATE calibration_moves SET state = ? WHERE session_id = ? AND step = ?').run(
      direction === 'undo' ? 1 : 0,
      sessionId,
      found.step,
    )
    // A change of the session's settings in that step: undo puts the settings back as they were, redo reapplies.
    const setting = db
      .prepare(
        'SELECT before_json, after_json FROM calibration_setting_steps WHERE session_id = ? AND step = ?',
      )
      .get(sessionId, found.step) as { before_json: string; after_json: string } | undefined
    if (setting) {
      db.prepare('UPDATE calibration_setting_steps SET state = ? WHERE session_id = ? AND step = ?').run(
        direction === 'undo' ? 1 : 0,
        sessionId,
        found.step,
      )
      db.prepare('UPDATE calibration_sessions SET settings_json = ? WHERE id = ?').run(
        direction === 'undo' ? setting.before_json : setting.after_json,
        sessionId,
      )
    }
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
