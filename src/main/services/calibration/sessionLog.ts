import type { MethodOutput } from '../../../shared/contract'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { showSession } from './sessionView'

interface AuditRow {
  at: string
  actor: string
  action: string
  before_json: string | null
  after_json: string | null
  reason: string | null
}

type Detail = Record<string, unknown>
const parse = (json: string | null): Detail => (json ? (JSON.parse(json) as Detail) : {})

/**
 * The session's entries of the workspace audit log, in words. In blind mode people appear under their pseudonyms,
 * as on the grid.
 */
export function sessionLog(db: WorkspaceDb, sessionId: string): MethodOutput<'calibration.log'> {
  const view = showSession(db, sessionId)
  const shown = new Map(
    [...view.placements, ...view.holding].map((p) => [p.employeeId, view.blind ? p.pseudonym : p.employeeId]),
  )
  const who = (detail: Detail): string => {
    const id = String(detail['employeeId'] ?? '')
    return shown.get(id) ?? (view.blind ? 'someone' : id)
  }
  const rows = db
    .prepare(
      `SELECT at, actor, action, before_json, after_json, reason FROM audit_log
       WHERE entity_type = 'calibration_session' AND entity_id = ? ORDER BY id DESC LIMIT 1000`,
    )
    .all(sessionId) as AuditRow[]
  return rows.map((row) => {
    const before = parse(row.before_json)
    const after = parse(row.after_json)
    const summaries: Record<string, () => string> = {
      'calibration.create': () =>
        `Session started for ${String(after['people'])} people (${String(after['cycle'])})`,
      'calibration.move': () =>
        `${who(after)}: box ${String(before['box'])} → ${String(after['box'])} (step ${String(after['step'])})`,
      'calibration.undo': () => `Undid step ${String(after['step'])}`,
      'calibration.redo': () => `Redid step ${String(after['step'])}`,
      'calibration.flag': () => `${who(after)}: ${String(after['code'])} ${String(after['status'])}`,
      'calibration.note': () => `${who(after)}: a note added`,
      'calibration.blindOn': () => 'Blind mode on',
      'calibration.blindOff': () => 'Blind mode off',
      'calibration.goLive': () => 'Session live',
      'calibration.finalize': () => 'Session finalized',
      'calibration.reopen': () => 'Session reopened',
    }
    return {
      at: row.at,
      actor: row.actor,
      action: row.action,
      summary: summaries[row.action]?.() ?? row.action,
      reason: row.reason,
    }
  })
}
