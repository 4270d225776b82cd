import type { WorkspaceDb } from '../db/openWorkspaceDb'
import { VOIDED_VERB } from '../../core/xapi/verbs'
import { applyExpiries, applyVoiding } from '../import/xapi/commitXapi'
import type { ReadStatement } from '../import/xapi/readStatements'
import { createStatementStore } from '../import/xapi/statementStore'
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
  const store = createStatementStore(db, journal, writer, batchId)
  const counts: PageCounts = { stored: 0, unmatched: 0, expired: 0, withoutLevel: 0 }
  const expiring: ReadStatement[] = []
  for (const s of statements) {
    const storedAs = store(s)
    counts.stored++
    if (storedAs === 'expiring') expiring.push(s)
    else if (storedAs === 'no-level') counts.withoutLevel++
    else if (storedAs === 'unmatched') counts.unmatched++
  }
  const expired = applyExpiries(db, journal, writer, expiring)
  counts.unmatched += expired.unmatched
  counts.expired = expired.credentials
  journal.flush()
  return counts
}

/**
 * Applies every stored voiding statement whose target is stored and not yet voided — those of this pull and any
 * left by a pull that stopped before its end — so voids are exact however a pull stopped. `openBatch` is called
 * (and gives the batch id to journal under) only when there is something to apply. Returns how many were applied
 * and the targets of this pull's voids that are not (yet) stored.
 */
export function applyPendingVoids(
  db: WorkspaceDb,
  openBatch: () => string,
  voidsOfThisPull: ReadonlySet<string>,
): { applied: number; unknown: string[] } {
  const rows = db
    .prepare(
      `SELECT v.statement_id AS id, v.statement_json AS json FROM xapi_statements v
       WHERE v.verb_id = ? AND v.voided_by IS NULL
         AND NOT EXISTS (SELECT 1 FROM xapi_statements t WHERE t.voided_by = v.statement_id)`,
    )
    .all(VOIDED_VERB) as { id: string; json: string }[]
  const voiding: ReadStatement[] = rows.map((r, n) => ({
    index: n + 1,
    id: r.id,
    fingerprint: '',
    statement: JSON.parse(r.json) as Record<string, unknown>,
  }))
  const targetOf = (v: ReadStatement): string =>
    String((v.statement['object'] as Record<string, unknown>)['id']).toLowerCase()
  const isStored = db.prepare('SELECT 1 FROM xapi_statements WHERE statement_id = ?')
  const applicable = voiding.filter((v) => isStored.get(targetOf(v)) !== undefined)
  const unknown = voiding
    .filter((v) => voidsOfThisPull.has(v.id) && isStored.get(targetOf(v)) === undefined)
    .map(targetOf)
  if (applicable.length === 0) return { applied: 0, unknown }
  const journal = new ChangeJournal(db, openBatch())
  const result = applyVoiding(db, journal, applicable)
  journal.flush()
  return { applied: result.applied, unknown }
}

/** What a dry run would void: this pull's voids whose target is stored or came in this pull. */
export function countVoidable(
  db: WorkspaceDb,
  voidsOfThisPull: ReadonlyMap<string, string>,
  seen: ReadonlyMap<string, string>,
): number {
  const isStored = db.prepare('SELECT 1 FROM xapi_statements WHERE statement_id = ? AND voided_by IS NULL')
  let n = 0
  for (const target of voidsOfThisPull.values())
    if (seen.has(target) || isStored.get(target) !== undefined) n++
  return n
}
