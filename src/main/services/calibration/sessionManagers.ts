import type { CalibrationView } from '../../../shared/contract/calibration'
import { assignPseudonyms } from '../../../core/calibration/pseudonyms'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { sessionMemo } from './sessionCache'

/**
 * Each member's manager by name: a colleague's full name, else the name the people file gave for a manager outside
 * the workspace, else the manager's ID (a manager nobody named). Read from the people as they are now, so a
 * finalized snapshot written before names were kept shows them too.
 */
function managerNames(db: WorkspaceDb, sessionId: string): Map<number, string | null> {
  const rows = db
    .prepare(
      `SELECT p.id AS personId, coalesce(m.full_name, p.manager_name, p.manager_id) AS managerName
       FROM people p LEFT JOIN people m ON m.employee_id = p.manager_id
       WHERE p.id IN (SELECT person_id FROM calibration_members WHERE session_id = ?)`,
    )
    .all(sessionId) as { personId: number; managerName: string | null }[]
  return new Map(rows.map((r) => [r.personId, r.managerName]))
}

/**
 * Managers in blind mode: M-0001 … by the same rule as people's pseudonyms but their own series, so the panel and
 * the Manager filter can tell managers apart without naming them or linking them to a person on the grid.
 */
function managerPseudonyms(sessionId: string, managers: readonly string[]): Map<string, string> {
  const distinct = [...new Set(managers)].sort()
  const pseudonyms = assignPseudonyms(`${sessionId}:managers`, distinct)
  return new Map(distinct.map((m, i) => [m, (pseudonyms[i] as string).replace(/^P-/, 'M-')]))
}

/** The view with every placement's manager named (or pseudonymised when the view is blind). */
export function withManagerNames(db: WorkspaceDb, view: CalibrationView): CalibrationView {
  const names = sessionMemo(db, view.sessionId, 'manager-names', () => managerNames(db, view.sessionId))
  const key = (personId: number, managerId: string | null): string | null =>
    managerId ?? names.get(personId) ?? null
  const blind = view.blind
    ? managerPseudonyms(
        view.sessionId,
        view.placements.map((p) => key(p.personId, p.managerId)).filter((k): k is string => k !== null),
      )
    : null
  return {
    ...view,
    placements: view.placements.map((p) => {
      const managerKey = key(p.personId, p.managerId)
      const managerName =
        managerKey === null ? null : blind ? (blind.get(managerKey) ?? null) : (names.get(p.personId) ?? null)
      return { ...p, managerName }
    }),
  }
}
