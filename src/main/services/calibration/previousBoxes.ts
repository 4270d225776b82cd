import type {
  CalibrationSettings,
  CalibrationView,
  Evidence,
  Flag,
  FlagSummary,
  Placement,
} from '../../../shared/contract/calibration'
import { reviewEvidence } from '../../../core/calibration/evidenceLabels'
import type { ReviewRecord } from '../../../core/calibration/evidenceModel'
import { message } from '../../../core/calibration/messages'
import { flagStateKey, summariseFlags } from '../../../core/calibration/personFlags'
import { bigMoverFlag, boxFromRatings, isBigMover } from '../../../core/calibration/previousPlacement'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { withoutRecords, type FlagRecords } from './flagRecords'
import { activeMoves, CYCLE_ORDER } from './loadPopulation'
import { sessionMemo } from './sessionCache'

/** A finalized session of the previous cycle, and when it was finalized (the audit log's last finalize). */
interface PreviousSession {
  sessionId: string
  name: string
  finalizedAt: string | null
  /** The audit row of its finalisation: a snapshot changes only when a session is finalized again. */
  finalizedBy: number | null
}

/** Where each person of a session stood in the previous cycle. */
interface PreviousBoxes {
  cycle: { id: number; name: string } | null
  sessions: PreviousSession[]
  /** people.id → the box, and the finalized session it is from (null: computed from the cycle's ratings). */
  byPerson: Map<number, { box: number; from: string | null }>
}

/** The cycle before one, in the order sessions pick their cycles (newest first). */
function previousCycle(db: WorkspaceDb, cycleName: string): { id: number; name: string } | null {
  const cycles = db.prepare(`SELECT id, name FROM review_cycles ORDER BY ${CYCLE_ORDER}`).all() as {
    id: number
    name: string
  }[]
  const at = cycles.findIndex((c) => c.name === cycleName)
  return at < 0 ? null : (cycles[at + 1] ?? null)
}

/**
 * Each finalized session's final boxes (people.id → box), read from its snapshot by SQLite's JSON functions and
 * kept per connection until the session is finalized again: a 50,000-person snapshot is tens of megabytes, and
 * parsing it for every view would cost more than the calibration itself.
 */
const finalBoxCache = new WeakMap<WorkspaceDb, Map<string, Map<number, number>>>()

function finalBoxes(db: WorkspaceDb, session: PreviousSession): Map<number, number> {
  let cache = finalBoxCache.get(db)
  if (!cache) finalBoxCache.set(db, (cache = new Map()))
  const key = `${session.sessionId}\u0000${session.finalizedBy ?? ''}`
  const cached = cache.get(key)
  if (cached) return cached
  const rows = db
    .prepare(
      `SELECT json_extract(p.value, '$.personId') AS personId, json_extract(p.value, '$.box') AS box
       FROM calibration_sessions s, json_each(s.finalized_json, '$.placements') p WHERE s.id = ?`,
    )
    .raw()
    .all(session.sessionId) as [number, number][]
  const boxes = new Map(rows)
  for (const k of cache.keys()) if (k.startsWith(`${session.sessionId}\u0000`)) cache.delete(k)
  cache.set(key, boxes)
  return boxes
}

/**
 * The previous cycle's box of every member of a session, in a few set-based queries: the latest finalized session
 * of that cycle holding the person gives their final box; without one, the cycle's ratings cut by this session's
 * settings (`boxFromRatings`). Someone held in that session (no box in its snapshot) falls through to the next.
 */
export function previousBoxes(
  db: WorkspaceDb,
  sessionId: string,
  cycleName: string,
  settings: CalibrationSettings,
): PreviousBoxes {
  const cycle = previousCycle(db, cycleName)
  if (!cycle) return { cycle: null, sessions: [], byPerson: new Map() }
  const sessions = finalizedSessions(db, cycle.id)
  // Kept with the session's other derived values while no row changes (a move in the meeting changes none of
  // them); the key holds what a meeting's own writes can change: its cuts and the finalized sessions.
  const key = JSON.stringify([
    'previous-boxes',
    cycle.id,
    settings.performanceCuts,
    settings.potential.managerScale,
    sessions.map((s) => [s.sessionId, s.finalizedBy]),
  ])
  return sessionMemo(db, sessionId, key, () => readPreviousBoxes(db, sessionId, cycle, sessions, settings))
}

function finalizedSessions(db: WorkspaceDb, cycleId: number): PreviousSession[] {
  return db
    .prepare(
      `SELECT s.id AS sessionId, s.name, a.id AS finalizedBy, a.at AS finalizedAt
       FROM calibration_sessions s
       LEFT JOIN audit_log a ON a.id = (SELECT max(id) FROM audit_log WHERE entity_type = 'calibration_session'
                                         AND entity_id = s.id AND action = 'calibration.finalize')
       WHERE s.cycle_id = ? AND s.status = 'finalized' AND s.finalized_json IS NOT NULL
       ORDER BY a.id IS NULL, a.id DESC, s.created_at DESC`,
    )
    .all(cycleId) as PreviousSession[]
}

function readPreviousBoxes(
  db: WorkspaceDb,
  sessionId: string,
  cycle: { id: number; name: string },
  sessions: PreviousSession[],
  settings: CalibrationSettings,
): PreviousBoxes {
  const byPerson = new Map<number, { box: number; from: string | null }>()
  const members = db
    .prepare(
      `SELECT r.person_id, r.overall_rating, r.potential_rating, c.scale_min, c.scale_max
       FROM calibration_members m JOIN reviews r ON r.person_id = m.person_id AND r.cycle_id = ?
       JOIN review_cycles c ON c.id = r.cycle_id WHERE m.session_id = ?`,
    )
    .raw()
    .all(cycle.id, sessionId) as [number, number, number | null, number, number][]
  for (const [personId, overallRating, potentialRating, scaleMin, scaleMax] of members) {
    const box = boxFromRatings({ overallRating, potentialRating, scaleMin, scaleMax }, settings)
    if (box !== null) byPerson.set(personId, { box, from: null })
  }
  if (sessions.length > 0) {
    const memberIds = db
      .prepare('SELECT person_id FROM calibration_members WHERE session_id = ?')
      .pluck()
      .all(sessionId) as number[]
    // Latest first: the first session that placed a person wins over later ones and over the computed box.
    const placed = new Set<number>()
    for (const s of sessions) {
      const boxes = finalBoxes(db, s)
      for (const id of memberIds) {
        if (placed.has(id)) continue
        const box = boxes.get(id)
        if (box === undefined) continue
        placed.add(id)
        byPerson.set(id, { box, from: s.sessionId })
      }
    }
  }
  return { cycle, sessions, byPerson }
}

/** Each view decorated once: the same view (a cached one) gets the same decorated view back. */
const decorated = new WeakMap<CalibrationView, CalibrationView>()

/**
 * The view with each placement's previous-cycle box and the big-mover flag (two boxes or more, or across the top or
 * bottom edge: `isBigMover`), judged on the box the person is in now.
 */
export function withPreviousBoxes(db: WorkspaceDb, view: CalibrationView): CalibrationView {
  // Decorated already (the field is set, null or not): twice would flag twice.
  if (view.previousCycle !== undefined) return view
  const done = decorated.get(view)
  if (done) return done
  const previous = previousBoxes(db, view.sessionId, view.cycle, view.settings)
  const states = new Map(
    (
      db
        .prepare(
          `SELECT p.employee_id AS employeeId, f.status, f.note FROM calibration_flag_states f
           JOIN people p ON p.id = f.person_id WHERE f.session_id = ? AND f.code = 'BIG_MOVER'`,
        )
        .all(view.sessionId) as { employeeId: string; status: 'acknowledged' | 'resolved'; note: string }[]
    ).map((s) => [flagStateKey(s.employeeId, 'BIG_MOVER'), s]),
  )
  const cycleName = previous.cycle?.name ?? ''
  const noEvidence = (): Evidence[] => []
  // One flag per pair of boxes (81 at most), shared by everyone who made that move and has no note on it: a large
  // session has thousands of big movers, and their words differ only by the two boxes.
  const open = new Map<number, FlagSummary>()
  const flagFor = (was: number, box: number, employeeId: string): FlagSummary => {
    const summarise = (): FlagSummary =>
      summariseFlags([bigMoverFlag(was, box, cycleName, noEvidence)], employeeId, states)[0] as FlagSummary
    if (states.size > 0 && states.has(flagStateKey(employeeId, 'BIG_MOVER'))) return summarise()
    let shared = open.get(was * 10 + box)
    if (!shared) open.set(was * 10 + box, (shared = summarise()))
    return shared
  }
  const placements = view.placements.map((p): Placement => {
    const was = previous.byPerson.get(p.personId)
    if (!was) return { ...p, previousBox: null, previousFrom: null }
    if (!isBigMover(was.box, p.box)) return { ...p, previousBox: was.box, previousFrom: was.from }
    return {
      ...p,
      flags: [...p.flags, flagFor(was.box, p.box, p.employeeId)],
      previousBox: was.box,
      previousFrom: was.from,
    }
  })
  const result: CalibrationView = {
    ...view,
    placements,
    previousCycle: previous.cycle?.name ?? null,
    previousSessions: previous.sessions.map(({ sessionId, name, finalizedAt }) => ({
      sessionId,
      name,
      finalizedAt,
    })),
  }
  decorated.set(view, result)
  return result
}

/**
 * The records behind the big-mover flags of a decorated view: the previous placement (the finalized session's final
 * box, or the previous review it was computed from) and the one now (this cycle's review, the move if any). Added to
 * the flag records the side panel and the exports show; `onlyEmployeeId` for the side panel's one person.
 */
export function withBigMoverRecords(
  db: WorkspaceDb,
  view: CalibrationView,
  records: FlagRecords,
  onlyEmployeeId?: string,
): FlagRecords {
  const movers = view.placements.filter(
    (p) =>
      (onlyEmployeeId === undefined || p.employeeId === onlyEmployeeId) &&
      p.previousBox !== null &&
      p.previousBox !== undefined &&
      p.flags.some((f) => f.code === 'BIG_MOVER'),
  )
  if (movers.length === 0) return records
  const cycleName = view.previousCycle ?? ''
  const reviews = reviewsOf(db, view, onlyEmployeeId === undefined ? undefined : movers[0]?.personId)
  const sessionOf = new Map((view.previousSessions ?? []).map((s) => [s.sessionId, s]))
  const lastMove = new Map(activeMoves(db, view.sessionId).map((m) => [m.employeeId, m]))
  const out = new Map(records)
  for (const p of movers) {
    const was = p.previousBox as number
    const evidence = (): Evidence[] => {
      const list: Evidence[] = []
      const session = p.previousFrom ? sessionOf.get(p.previousFrom) : undefined
      const before = reviews.get(`${p.personId}:${cycleName}`)
      if (session)
        list.push(
          placementEvidence(
            session.finalizedAt,
            message('calibration.evidence.finalBox', { session: session.name }),
            `Final box in ${session.name}`,
            was,
          ),
        )
      else
        list.push(
          placementEvidence(
            before?.reviewDate ?? null,
            message('calibration.evidence.computedBox', { cycle: cycleName }),
            `Computed from the ${cycleName} ratings`,
            was,
          ),
        )
      if (before) list.push(reviewEvidence(before))
      list.push(
        placementEvidence(
          null,
          message('calibration.evidence.boxNow', { session: view.name }),
          `Box now in ${view.name}`,
          p.box,
        ),
      )
      const now = reviews.get(`${p.personId}:${view.cycle}`)
      if (now) list.push(reviewEvidence(now))
      const move = lastMove.get(p.employeeId)
      if (move && p.source !== 'computed')
        list.push({
          kind: 'move',
          id: move.step,
          date: move.at.slice(0, 10),
          label: `Move by ${move.actor}`,
          value: `box ${p.computedBox} → ${move.toBox}`,
          labelText: message('calibration.evidence.moveBy', { actor: move.actor }),
          valueText: message('calibration.evidence.moveBoxes', { from: p.computedBox, to: move.toBox }),
        })
      return list
    }
    const shown = p.flags.find((f) => f.code === 'BIG_MOVER')
    const flag = bigMoverFlag(was, p.box, cycleName, evidence)
    const withRecords: Flag = {
      code: flag.code,
      severity: flag.severity,
      rationale: flag.rationale,
      ...(flag.text ? { text: flag.text } : {}),
      status: shown?.status ?? 'open',
      note: shown?.note ?? null,
      evidence: flag.evidence(),
    }
    const others = (out.get(p.employeeId) ?? withoutRecords(p.flags)).filter((f) => f.code !== 'BIG_MOVER')
    out.set(p.employeeId, [...others, withRecords])
  }
  return out
}

function placementEvidence(
  date: string | null,
  labelText: ReturnType<typeof message>,
  label: string,
  box: number,
): Evidence {
  return {
    kind: 'placement',
    id: null,
    date: date === null ? null : date.slice(0, 10),
    label,
    value: `box ${box}`,
    labelText,
    valueText: message('calibration.evidence.boxValue', { box }),
  }
}

/** The members' reviews in this cycle and the previous one, by "personId:cycle name" (one person, or everyone). */
function reviewsOf(db: WorkspaceDb, view: CalibrationView, onlyPersonId?: number): Map<string, ReviewRecord> {
  const rows = db
    .prepare(
      `SELECT r.person_id AS personId, r.id, r.cycle_id AS cycleId, c.name AS cycleName, r.overall_rating AS overallRating,
              r.potential_rating AS potentialRating, c.scale_min AS scaleMin, c.scale_max AS scaleMax,
              r.reviewer_id AS reviewerId, r.review_date AS reviewDate
       FROM calibration_members m JOIN reviews r ON r.person_id = m.person_id
       JOIN review_cycles c ON c.id = r.cycle_id
       WHERE m.session_id = ? AND c.name IN (?, ?)${onlyPersonId === undefined ? '' : ' AND m.person_id = ?'}`,
    )
    .all(
      view.sessionId,
      view.cycle,
      view.previousCycle ?? view.cycle,
      ...(onlyPersonId === undefined ? [] : [onlyPersonId]),
    ) as (ReviewRecord & { personId: number })[]
  return new Map(rows.map(({ personId, ...r }) => [`${personId}:${r.cycleName}`, r]))
}

/** An export's session with previous boxes, and the big movers' records beside the other flags' records. */
export function withPreviousForExport<T extends { view: CalibrationView; records: FlagRecords }>(
  db: WorkspaceDb,
  exported: T,
): T {
  const view = withPreviousBoxes(db, exported.view)
  return { ...exported, view, records: withBigMoverRecords(db, view, exported.records) }
}
