import type { CalibrationPerson } from '../../../core/calibration/evidenceModel'
import { assignPseudonyms } from '../../../core/calibration/pseudonyms'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { loadMembers } from './loadPopulation'
import { sessionMemo } from './sessionCache'

/** A session's members with every record, read once and kept while no row changes (see sessionCache). */
export const sessionMembers = (db: WorkspaceDb, sessionId: string): CalibrationPerson[] =>
  sessionMemo(db, sessionId, 'members', () => loadMembers(db, sessionId))

/** Each member's blind-mode pseudonym, in the order of sessionMembers. */
export const sessionPseudonyms = (db: WorkspaceDb, sessionId: string): string[] =>
  sessionMemo(db, sessionId, 'pseudonyms', () =>
    assignPseudonyms(
      sessionId,
      sessionMembers(db, sessionId).map((p) => p.employeeId),
    ),
  )

/**
 * Each member as the grid names them: their name, or their pseudonym in blind mode. Without computing the grid, so
 * the session log after a move costs no recalculation of the company.
 */
export function shownNames(db: WorkspaceDb, sessionId: string, blind: boolean): Map<string, string> {
  const people = sessionMembers(db, sessionId)
  const pseudonyms = blind ? sessionPseudonyms(db, sessionId) : []
  return new Map(
    people.map((p, i) => [p.employeeId, blind ? (pseudonyms[i] ?? 'P-?') : (p.fullName ?? p.employeeId)]),
  )
}
