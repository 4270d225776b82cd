import type { MethodOutput, ParsedInput } from '../../../shared/contract'
import {
  moveNeedsText,
  type CalibrationSettings,
  type MoveReasonCode,
} from '../../../shared/contract/calibration'
import { message } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { appendAudit } from '../auditLog'
import { assertEditable, sessionRow, type CalibrationContext } from './sessionRecord'
import { computeView } from './sessionView'
import {
  computedBoxesKey,
  computedBoxesOf,
  currentBoxes,
  type ComputedBox,
  type CurrentBox,
} from './computedBoxes'
import { sessionMemoIfKept } from './sessionCache'
import { assertNotLockedByRollup, logMovesOnChildren, logShiftOnChildren, rollupStarts } from './rollupLinks'

/** One person asked to move: where to, and why. */
interface MoveAsked {
  employeeId: string
  box: number
  reasonCode: MoveReasonCode
  reason: string
}

export function moveInSession(
  input: ParsedInput<'calibration.move'>,
  ctx: CalibrationContext,
): MethodOutput<'calibration.move'> {
  // Asking twice for the same person counts once.
  const asked = [...new Set(input.employeeIds)].map((employeeId) => ({
    employeeId,
    box: input.box,
    reasonCode: input.reasonCode,
    reason: input.reason,
  }))
  return writeMoves(input.sessionId, asked, ctx)
}

/**
 * The moves tried in a sandbox, made real: each with its own box and reason, all in one step of the undo history
 * (one undo takes the whole adoption back). A person tried twice moves to where they were tried last.
 */
export function adoptSandbox(
  input: ParsedInput<'calibration.adoptSandbox'>,
  ctx: CalibrationContext,
): MethodOutput<'calibration.adoptSandbox'> {
  const last = new Map<string, MoveAsked>()
  for (const move of input.moves) {
    last.delete(move.employeeId)
    last.set(move.employeeId, move)
  }
  return writeMoves(input.sessionId, [...last.values()], ctx)
}

/** Moves written as one step; only people who actually change box are written. */
function writeMoves(
  sessionId: string,
  asked: readonly MoveAsked[],
  ctx: CalibrationContext,
): { moved: number; step: number } {
  const { db } = ctx
  const row = sessionRow(db, sessionId)
  assertNotLockedByRollup(db, row)
  assertEditable(row)
  const settings = JSON.parse(row.settings_json) as CalibrationSettings
  const unexplained = asked.find((m) => m.reason.length < 3 && moveNeedsText(m.reasonCode, settings))
  if (unexplained)
    throw new AppError(
      'INVALID_INPUT',
      message(
        unexplained.reasonCode === 'other' ? 'calibration.errors.moveWhyOther' : 'calibration.errors.moveWhy',
      ),
      { reasonCode: unexplained.reasonCode, employeeId: unexplained.employeeId },
    )
  // Where each person is now: a box on the grid, or none for someone in the holding area (placed by hand). The
  // data's boxes kept from the last view make this a lookup; without them the grid is computed once.
  const boxes =
    sessionMemoIfKept<Map<string, ComputedBox>>(db, row.id, computedBoxesKey(row.settings_json)) ??
    computedBoxesOf(computeView(db, row, true))
  const starts = rollupStarts(db, row.id)
  const byEmployee = currentBoxes(
    db,
    row.id,
    boxes,
    asked.map((m) => m.employeeId),
    starts,
  )
  const unknown = asked.map((m) => m.employeeId).filter((id) => !byEmployee.has(id))
  if (unknown.length > 0)
    throw new AppError(
      'INVALID_INPUT',
      message('calibration.errors.notInSession', { ids: unknown.join(', '), count: unknown.length }),
      { employeeIds: unknown },
    )
  const changes = asked
    .map((m) => ({ ...m, now: byEmployee.get(m.employeeId) as CurrentBox }))
    .filter((m) => m.now.box !== m.box)
  if (changes.length === 0) return { moved: 0, step: 0 }
  const step = nextStep(db, row.id)
  const at = ctx.now.toISOString()
  db.transaction(() => {
    // A new move ends the redo history: those steps stay on record as discarded.
    discardRedo(db, row.id)
    const insert = db.prepare(
      `INSERT INTO calibration_moves (session_id, step, person_id, from_box, to_box, computed_box, reason_code, reason, actor, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    for (const m of changes) {
      insert.run(
        row.id,
        step,
        m.now.personId,
        m.now.box,
        m.box,
        m.now.computedBox,
        m.reasonCode,
        m.reason,
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
          before: { employeeId: m.employeeId, box: m.now.box },
          after: { employeeId: m.employeeId, box: m.box, step },
          reason: m.reason ? `${m.reasonCode}: ${m.reason}` : m.reasonCode,
        },
        ctx.now,
      )
    }
    if (starts.size > 0)
      logMovesOnChildren(
        row,
        changes.map((m) => ({
          employeeId: m.employeeId,
          fromBox: m.now.box,
          toBox: m.box,
          step,
          reason: m.reason ? `${m.reasonCode}: ${m.reason}` : m.reasonCode,
        })),
        ctx,
      )
    if (row.status === 'draft')
      db.prepare("UPDATE calibration_sessions SET status = 'live' WHERE id = ?").run(row.id)
  })()
  return { moved: changes.length, step }
}

/** The next step of a session's undo history, shared by moves, setting changes and imports of proposals. */
export function nextStep(db: WorkspaceDb, sessionId: string): number {
  const found = db
    .prepare(
      `SELECT max(step) AS step FROM (SELECT step FROM calibration_moves WHERE session_id = ?
       UNION ALL SELECT step FROM calibration_setting_steps WHERE session_id = ?
       UNION ALL SELECT step FROM calibration_proposal_batches WHERE session_id = ?)`,
    )
    .get(sessionId, sessionId, sessionId) as { step: number | null }
  return (found.step ?? 0) + 1
}

/** A new step ends the redo history: the undone steps stay on record as discarded. */
export function discardRedo(db: WorkspaceDb, sessionId: string): void {
  db.prepare('UPDATE calibration_moves SET state = 2 WHERE session_id = ? AND state = 1').run(sessionId)
  db.prepare('UPDATE calibration_setting_steps SET state = 2 WHERE session_id = ? AND state = 1').run(
    sessionId,
  )
  db.prepare('UPDATE calibration_proposal_batches SET state = 2 WHERE session_id = ? AND state = 1').run(
    sessionId,
  )
}

/** The step undo (the newest active) or redo (the oldest undone) would take: a move, setting change or import. */
export function stepToShift(db: WorkspaceDb, sessionId: string, direction: 'undo' | 'redo'): number | null {
  const [pick, state] = direction === 'undo' ? ['max', 0] : ['min', 1]
  return (
    db
      .prepare(
        `SELECT ${pick}(step) AS step FROM (SELECT step FROM calibration_moves WHERE session_id = ? AND state = ?
         UNION ALL SELECT step FROM calibration_setting_steps WHERE session_id = ? AND state = ?
         UNION ALL SELECT step FROM calibration_proposal_batches WHERE session_id = ? AND state = ?)`,
      )
      .get(sessionId, state, sessionId, state, sessionId, state) as { step: number | null }
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
  assertNotLockedByRollup(db, row)
  assertEditable(row)
  const found = { step: stepToShift(db, sessionId, direction) }
  if (found.step === null) return { step: null }
  db.transaction(() => {
    db.prepare('UPDATE calibration_moves SET state = ? WHERE session_id = ? AND step = ?').run(
      direction === 'undo' ? 1 : 0,
      sessionId,
      found.step,
    )
    // An import of proposals in that step: undo brings back the proposals before it, redo this import's.
    db.prepare('UPDATE calibration_proposal_batches SET state = ? WHERE session_id = ? AND step = ?').run(
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
    logShiftOnChildren(row, found.step as number, direction, ctx)
  })()
  return { step: found.step }
}
