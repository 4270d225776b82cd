import type { AppliedMove } from '../../../core/calibration/evidenceModel'
import type { CalibrationView } from '../../../shared/contract/calibration'
import { message } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { appendAudit } from '../auditLog'
import type { CalibrationContext, SessionRow } from './sessionRecord'

/** A session a roll-up is linked to (a child of a parent, or a parent of a child). */
export interface LinkedSession {
  sessionId: string
  name: string
  status: SessionRow['status']
}

/** Where a parent's member starts: the final box the child placed them in. */
export interface RollupStart {
  personId: number
  employeeId: string
  box: number
  childId: string
  childName: string
}

/** The sessions a parent rolls up, by name; empty for a session that is no roll-up. */
export function rollupChildren(db: WorkspaceDb, parentId: string): LinkedSession[] {
  return db
    .prepare(
      `SELECT s.id AS sessionId, s.name, s.status FROM calibration_rollups r
       JOIN calibration_sessions s ON s.id = r.child_id WHERE r.parent_id = ? ORDER BY s.name, s.id`,
    )
    .all(parentId) as LinkedSession[]
}

/**
 * The roll-ups a child is part of that are not finalized yet: while one is, the child is locked (its final boxes are
 * what the roll-up calibrates). Oldest first, so a message names the same one every time.
 */
export function liveRollupsOf(db: WorkspaceDb, childId: string): LinkedSession[] {
  return db
    .prepare(
      `SELECT s.id AS sessionId, s.name, s.status FROM calibration_rollups r
       JOIN calibration_sessions s ON s.id = r.parent_id
       WHERE r.child_id = ? AND s.status <> 'finalized' ORDER BY s.created_at, s.id`,
    )
    .all(childId) as LinkedSession[]
}

/** Each member's starting box in a roll-up, by people.id; empty for a session that is no roll-up. */
export function rollupStarts(db: WorkspaceDb, parentId: string): Map<number, RollupStart> {
  const rows = db
    .prepare(
      `SELECT s.person_id AS personId, p.employee_id AS employeeId, s.start_box AS box, s.child_id AS childId,
              c.name AS childName
       FROM calibration_rollup_starts s JOIN people p ON p.id = s.person_id
       JOIN calibration_sessions c ON c.id = s.child_id WHERE s.parent_id = ?`,
    )
    .all(parentId) as RollupStart[]
  return new Map(rows.map((r) => [r.personId, r]))
}

/**
 * The starting boxes as moves the grid replays before the meeting's own (step 0: never undone, never in the
 * parent's undo history). A person the data places elsewhere then shows as moved against the evidence, as in the
 * child, and someone the child placed by hand stays placed.
 */
export function startsAsMoves(row: SessionRow, starts: ReadonlyMap<number, RollupStart>): AppliedMove[] {
  return [...starts.values()].map((s) => ({
    employeeId: s.employeeId,
    toBox: s.box,
    step: 0,
    reasonCode: 'calibration-consensus',
    // What a flag about the move quotes as its reason: the session whose final box it is.
    reason: s.childName,
    actor: row.facilitator,
    at: row.created_at,
  }))
}

/**
 * Refuses a change to a finalized child while a roll-up of it is live, naming the roll-up: the child's final boxes
 * are what the roll-up is calibrating. Reopening with a reason is the one way in (see reopenedUnderRollup).
 */
export function assertNotLockedByRollup(db: WorkspaceDb, row: SessionRow, reopening = false): void {
  if (row.status !== 'finalized') return
  const parent = liveRollupsOf(db, row.id)[0]
  if (!parent) return
  throw new AppError(
    'SESSION_LOCKED',
    message(reopening ? 'calibration.rollup.errors.reopenWhy' : 'calibration.rollup.errors.locked', {
      name: row.name,
      rollup: parent.name,
    }),
    { sessionId: row.id, rollupId: parent.sessionId },
  )
}

/** A child reopened (with its reason) while roll-ups of it are live: each of them says so in its own log. */
export function reopenedUnderRollup(row: SessionRow, reason: string, ctx: CalibrationContext): void {
  for (const parent of liveRollupsOf(ctx.db, row.id))
    appendAudit(
      ctx.db,
      {
        actor: ctx.actor,
        action: 'calibration.childReopened',
        entityType: 'calibration_session',
        entityId: parent.sessionId,
        after: { sessionId: row.id, name: row.name },
        reason,
      },
      ctx.now,
    )
}

/** One move written in a roll-up, as the child that placed the person records it. */
export interface RollupMoveRecord {
  employeeId: string
  fromBox: number | null
  toBox: number
  step: number
  reason: string
}

/**
 * Moves in a roll-up change placements that a child made, so each is also written to that child's audit trail
 * (marked with the roll-up), without unlocking or changing the child: its snapshot stays what it finalized.
 */
export function logMovesOnChildren(
  parent: SessionRow,
  moves: readonly RollupMoveRecord[],
  ctx: CalibrationContext,
): void {
  const starts = new Map([...rollupStarts(ctx.db, parent.id).values()].map((s) => [s.employeeId, s]))
  for (const m of moves) {
    const start = starts.get(m.employeeId)
    if (!start) continue
    appendAudit(
      ctx.db,
      {
        actor: ctx.actor,
        action: 'calibration.rollupMove',
        entityType: 'calibration_session',
        entityId: start.childId,
        before: { employeeId: m.employeeId, box: m.fromBox },
        after: {
          employeeId: m.employeeId,
          box: m.toBox,
          step: m.step,
          rollupId: parent.id,
          rollup: parent.name,
        },
        reason: m.reason,
      },
      ctx.now,
    )
  }
}

/** Undo or redo of a roll-up's step, on the audit trail of each child whose people it moves back or again. */
export function logShiftOnChildren(
  parent: SessionRow,
  step: number,
  direction: 'undo' | 'redo',
  ctx: CalibrationContext,
): void {
  const rows = ctx.db
    .prepare(
      `SELECT p.employee_id AS employeeId, m.to_box AS toBox, s.child_id AS childId FROM calibration_moves m
       JOIN people p ON p.id = m.person_id
       JOIN calibration_rollup_starts s ON s.parent_id = m.session_id AND s.person_id = m.person_id
       WHERE m.session_id = ? AND m.step = ?`,
    )
    .all(parent.id, step) as { employeeId: string; toBox: number; childId: string }[]
  for (const r of rows)
    appendAudit(
      ctx.db,
      {
        actor: ctx.actor,
        action: direction === 'undo' ? 'calibration.rollupUndo' : 'calibration.rollupRedo',
        entityType: 'calibration_session',
        entityId: r.childId,
        after: { employeeId: r.employeeId, box: r.toBox, step, rollupId: parent.id, rollup: parent.name },
      },
      ctx.now,
    )
}

/**
 * The view with its roll-up links: for a parent, the children it rolls up (each placement's `fromSession` is one
 * of them, set when the grid is computed); for a child, the roll-ups that are live over it.
 */
export function withRollupLinks(db: WorkspaceDb, view: CalibrationView): CalibrationView {
  return {
    ...view,
    rollupOf: rollupChildren(db, view.sessionId),
    rollupIn: liveRollupsOf(db, view.sessionId),
  }
}
