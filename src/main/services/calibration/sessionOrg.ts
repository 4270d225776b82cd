import type { CalibrationView, SessionOrg } from '../../../shared/contract/calibration'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { sessionMemo } from './sessionCache'

interface OrgRow {
  employeeId: string
  name: string | null
  managerId: string | null
  jobTitle: string | null
}

/**
 * The session's reporting chain: every manager of a member and theirs up to the top (whether in the session or not),
 * each with how many members sit below them, so a 5,000-person grid can be narrowed to one manager's subtree. Starts
 * from the view's manager IDs, which are already blank when the manager field is not tagged for calibration.
 */
export function sessionOrg(db: WorkspaceDb, view: CalibrationView): SessionOrg {
  const rows = db
    .prepare(
      `SELECT employee_id AS employeeId, full_name AS name, manager_id AS managerId, job_title AS jobTitle FROM people`,
    )
    .all() as OrgRow[]
  const byId = new Map(rows.map((r) => [r.employeeId, r]))
  const below = new Map<string, number>()
  for (const p of view.placements) {
    // A chain that loops back on itself (bad data) is walked once.
    const seen = new Set<string>()
    for (let up = p.managerId; up !== null && !seen.has(up); up = byId.get(up)?.managerId ?? null) {
      seen.add(up)
      below.set(up, (below.get(up) ?? 0) + 1)
    }
  }
  const pseudonyms = new Map(view.placements.map((p) => [p.employeeId, p.pseudonym]))
  const titles: Record<string, string> = {}
  if (!view.blind)
    for (const p of view.placements) {
      const title = byId.get(p.employeeId)?.jobTitle
      if (title) titles[p.employeeId] = title
    }
  return {
    titles,
    managers: [...below].map(([employeeId, members]) => ({
      employeeId,
      name: view.blind ? (pseudonyms.get(employeeId) ?? null) : (byId.get(employeeId)?.name ?? null),
      managerId: byId.get(employeeId)?.managerId ?? null,
      members,
      inSession: pseudonyms.has(employeeId),
    })),
  }
}

export const withOrg = (db: WorkspaceDb, view: CalibrationView): CalibrationView => ({
  ...view,
  // The chain depends on who is in the session and whom they report to, never on their boxes.
  org: sessionMemo(db, view.sessionId, `org:${view.status === 'finalized'}:${view.blind}`, () =>
    sessionOrg(db, view),
  ),
})
