import type { WorkspaceDb } from '../db/openWorkspaceDb'
import {
  competencyEvidenceOf,
  isCompetencyObject,
  TLA_ACHIEVED,
  TLA_EXPIRED,
} from '../../core/xapi/competencyEvidence'
import { learnerOf, toLearningValues } from '../../core/xapi/toLearningRecord'
import { VOIDED_VERB } from '../../core/xapi/verbs'
import { applyExpiries, applyVoiding } from '../import/xapi/commitXapi'
import type { ReadStatement } from '../import/xapi/readStatements'
import { ChangeJournal } from '../import/journal'
import { createBatchWriter } from '../import/writers'

export interface PageCounts {
  stored: number
  unmatched: number
  expired: number
  withoutLevel: number
}

/**
 * Stores one page of new statements inside the caller's transaction, exactly as a file import stores them:
 * the statement itself, the learning record or competency rating it stands for (unknown learners kept as the
 * batch's unmatched records), and credential expiries — all journaled under the pull's batch so undo is exact.
 * Voiding waits for the end of the pull (`applyPendingVoids`).
 */
export function storePage(
  db: WorkspaceDb,
  batchId: string,
  statements: readonly ReadStatement[],
): PageCounts {
  const journal = new ChangeJournal(db, batchId)
  const writer = createBatchWriter('learning', db, journal, batchId)
  const competencies = createBatchWriter('competencies', db, journal, batchId)
  const insert = db.prepare(
    'INSERT INTO xapi_statements (statement_id, fingerprint, verb_id, learner, timestamp, statement_json) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const counts: PageCounts = { stored: 0, unmatched: 0, expired: 0, withoutLevel: 0 }
  const expiring: ReadStatement[] = []
  for (const s of statements) {
    const verb = String((s.statement['verb'] as Record<string, unknown>)['id'])
    const rowId = insert.run(
      s.id,
      s.fingerprint,
      verb,
      learnerOf(s.statement).label,
      (s.statement['timestamp'] as string | undefined) ?? null,
      JSON.stringify(s.statement),
    ).lastInsertRowid
    journal.inserted('xapi_statements', rowId)
    counts.stored++
    if (verb === VOIDED_VERB) continue
    if (verb === TLA_EXPIRED) {
      expiring.push(s)
      continue
    }
    if (verb === TLA_ACHIEVED && isCompetencyObject(s.statement)) {
      const evidence = competencyEvidenceOf(s.statement)
      if (evidence.kind === 'no-level') counts.withoutLevel++
      else if (competencies.write({ row: s.index, values: evidence.values }).outcome === 'unmatched')
        counts.unmatched++
      continue
    }
    const values = toLearningValues(s.statement)
    if (values && writer.write({ row: s.index, values }).outcome === 'unmatched') counts.unmatched++
  }
  const expired = applyExpiries(db, journal, writer, expiring)
  counts.unmatched += expired.unmatched
  counts.expired = expired.credentials
  journal.flush()
  return counts
}

/**
 * Applies every stored voiding statement whose target is stored and not yet voided — those of this pull and any
 * left by a pull that was interrupted before its end — so voids are exact however a pull stopped. Returns how
 * many were applied and the targets of this pull's voids that are not (yet) stored.
 */
export function applyPendingVoids(
  db: WorkspaceDb,
  batchId: string,
  voidsOfThisPull: ReadonlySet<string>,
): { applied: number; unknown: string[] } {
  const rows = db
    .prepare(
      `SELECT v.statement_id AS id, v.statement_json AS json FROM xapi_statements v
       WHERE v.verb_id = ? AND v.voided_by IS NULL
         AND NOT EXISTS (SELECT 1 FROM xapi_statements t WHERE t.voided_by = v.statement_id)`,
    )
    .all(VOIDED_VERB) as { id: string; json: string }[]
  if (rows.length === 0) return { applied: 0, unknown: [] }
  const journal = new ChangeJournal(db, batchId)
  const voiding: ReadStatement[] = rows.map((r, n) => ({
    index: n + 1,
    id: r.id,
    fingerprint: '',
    statement: JSON.parse(r.json) as Record<string, unknown>,
  }))
  const result = applyVoiding(db, journal, voiding)
  journal.flush()
  const unknownOfThisPull = voiding
    .filter((v) => voidsOfThisPull.has(v.id))
    .map((v) => String((v.statement['object'] as Record<string, unknown>)['id']).toLowerCase())
    .filter((target) => result.unknown.includes(target))
  return { applied: result.applied, unknown: unknownOfThisPull }
}
