import type {
  CalibrationScope,
  CalibrationSettings,
  CalibrationView,
} from '../../../shared/contract/calibration'
import { calibrate } from '../../../core/calibration/calibrate'
import type { FlagState } from '../../../core/calibration/evidenceModel'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { withCalibrationFields } from './calibrationFields'
import { liveFlagRecords, readSnapshot, type FlagRecords } from './flagRecords'
import { activeMoves, cycleById } from './loadPopulation'
import { recordsWithReviewerNames } from './reviewerNames'
import { withManagerNames } from './sessionManagers'
import { sessionRow, type SessionRow } from './sessionRecord'
import { withOrg } from './sessionOrg'
import { moveLog, type MoveLogEntry } from './moveLog'
import { computedBoxesKey, computedBoxesOf } from './computedBoxes'
import { keepInSession } from './sessionCache'
import { sessionMembers, sessionPseudonyms } from './sessionMembers'
import { rollupStarts, startsAsMoves, withRollupLinks } from './rollupLinks'

/**
 * The last view per connection, valid while nothing was committed since: SQLite's data_version changes on a
 * connection when another one commits, and every write goes through the main connection while views are read on
 * the read-only one. Clicking through people in a 5,000-person session then costs no recomputation.
 */
const lastView = new WeakMap<WorkspaceDb, { key: string; view: CalibrationView }>()

/** The session as it stands: computed from the records and the moves, or the snapshot a finalized session keeps. */
export function showSession(db: WorkspaceDb, sessionId: string): CalibrationView {
  // data_version does not change on the connection that commits, so only the read-only connection (outside a
  // transaction) may reuse a view; the writer always computes afresh.
  if (!db.readonly || db.inTransaction) return freshView(db, sessionId)
  const key = `${sessionId}\u0000${String(db.pragma('data_version', { simple: true }))}`
  const cached = lastView.get(db)
  if (cached?.key === key) return cached.view
  const view = freshView(db, sessionId)
  lastView.set(db, { key, view })
  return view
}

function freshView(db: WorkspaceDb, sessionId: string): CalibrationView {
  const row = sessionRow(db, sessionId)
  if (row.status === 'finalized' && row.finalized_json) {
    const locked = readSnapshot(row.finalized_json).view
    return withRollupLinks(
      db,
      withOrg(
        db,
        withCalibrationFields(db, withManagerNames(db, row.blind === 1 ? blindView(locked) : locked)),
      ),
    )
  }
  return withRollupLinks(
    db,
    withOrg(db, withCalibrationFields(db, withManagerNames(db, computeView(db, row)))),
  )
}

export function computeView(
  db: WorkspaceDb,
  row: SessionRow,
  forceNames = false,
  /** 'none': the grid before the meeting, every person where the data puts them (held ones still held). */
  moves: 'active' | 'none' = 'active',
): CalibrationView {
  const settings = JSON.parse(row.settings_json) as CalibrationSettings
  const cycle = cycleById(db, row.cycle_id)
  const people = sessionMembers(db, row.id)
  const flagStates = db
    .prepare(
      `SELECT p.employee_id AS employeeId, f.code, f.status, f.note FROM calibration_flag_states f
       JOIN people p ON p.id = f.person_id WHERE f.session_id = ?`,
    )
    .all(row.id) as FlagState[]
  const discussed = new Set(
    (
      db
        .prepare(
          `SELECT p.employee_id AS employeeId FROM calibration_members m JOIN people p ON p.id = m.person_id
           WHERE m.session_id = ? AND m.discussed = 1`,
        )
        .all(row.id) as { employeeId: string }[]
    ).map((r) => r.employeeId),
  )
  // Moves, setting changes and imports of proposals share one undo history.
  const steps = db
    .prepare(
      `SELECT max(CASE WHEN state = 0 THEN step END) AS active, min(CASE WHEN state = 1 THEN step END) AS undone
       FROM (SELECT step, state FROM calibration_moves WHERE session_id = ?
             UNION ALL SELECT step, state FROM calibration_setting_steps WHERE session_id = ?
             UNION ALL SELECT step, state FROM calibration_proposal_batches WHERE session_id = ?)`,
    )
    .get(row.id, row.id, row.id) as { active: number | null; undone: number | null }
  // A roll-up starts from its children's final boxes, before the meeting and under its own moves.
  const starts = rollupStarts(db, row.id)
  const startMoves = starts.size === 0 ? [] : startsAsMoves(row, starts)
  const calibrated = calibrate({
    people,
    cycle,
    settings,
    moves: moves === 'none' ? startMoves : [...startMoves, ...activeMoves(db, row.id)],
    flagStates,
    discussed,
    pseudonyms: sessionPseudonyms(db, row.id),
    blind: row.blind === 1 && !forceNames,
  })
  const result =
    starts.size === 0
      ? calibrated
      : {
          ...calibrated,
          placements: calibrated.placements.map((p) => ({
            ...p,
            fromSession: starts.get(p.personId)?.childId ?? null,
          })),
        }
  keepInSession(db, row.id, computedBoxesKey(row.settings_json), computedBoxesOf(result))
  return {
    sessionId: row.id,
    name: row.name,
    cycle: cycle.name,
    scope: JSON.parse(row.scope_json) as CalibrationScope,
    facilitator: row.facilitator,
    status: row.status,
    people: people.length,
    createdAt: row.created_at,
    settings,
    blind: row.blind === 1 && !forceNames,
    canUndo: row.status !== 'finalized' && steps.active !== null,
    canRedo: row.status !== 'finalized' && steps.undone !== null,
    discussed: discussed.size,
    ...result,
  }
}

/** A locked snapshot keeps real names; blind mode still hides them when it is shown. */
export function blindView(view: CalibrationView): CalibrationView {
  return {
    ...view,
    blind: true,
    placements: view.placements.map((p) => ({ ...p, name: p.pseudonym, jobTitle: null })),
    holding: view.holding.map((h) => ({ ...h, name: h.pseudonym })),
  }
}

/**
 * For the export: the session with real names (blind mode only hides them on screen), the full move log, and the
 * records behind every flag (as frozen at finalisation, or as they stand).
 */
export function sessionForExport(
  db: WorkspaceDb,
  sessionId: string,
  kind: 'results' | 'pre-read',
): { view: CalibrationView; changes: MoveLogEntry[]; records: FlagRecords } {
  const row = sessionRow(db, sessionId)
  if (kind === 'pre-read') {
    // The grid before the meeting: every person where the data puts them, so no move and no flag about one (and
    // nobody placed by hand: they are in the holding area).
    const computed = computeView(db, { ...row, status: 'draft' }, true, 'none')
    const view = {
      ...computed,
      // A roll-up's meeting starts from its children's final boxes: those are its pre-read.
      placements: computed.placements.map((p) => ({
        ...p,
        box: p.fromSession ? p.box : p.computedBox,
        source: 'computed' as const,
        flags: p.flags.filter((f) => f.code !== 'MOVED_AGAINST_EVIDENCE'),
      })),
    }
    return {
      view: withCalibrationFields(db, withManagerNames(db, view)),
      changes: [],
      records: recordsWithReviewerNames(db, liveFlagRecords(db, row, view)),
    }
  }
  if (row.status === 'finalized' && row.finalized_json) {
    const snapshot = readSnapshot(row.finalized_json)
    return {
      ...snapshot,
      records: recordsWithReviewerNames(db, snapshot.records),
      view: withRollupLinks(
        db,
        withCalibrationFields(db, withManagerNames(db, { ...snapshot.view, blind: false })),
      ),
      changes: moveLog(db, sessionId),
    }
  }
  const view = computeView(db, row, true)
  return {
    view: withRollupLinks(db, withCalibrationFields(db, withManagerNames(db, view))),
    changes: moveLog(db, sessionId),
    records: recordsWithReviewerNames(db, liveFlagRecords(db, row, view)),
  }
}
