import {
  competencyEvidenceOf,
  isCompetencyObject,
  TLA_ACHIEVED,
  TLA_EXPIRED,
} from '../../../core/xapi/competencyEvidence'
import { learnerOf, toLearningValues } from '../../../core/xapi/toLearningRecord'
import { VOIDED_VERB } from '../../../core/xapi/verbs'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import type { ChangeJournal } from '../journal'
import { createBatchWriter, type RecordWriter } from '../writers'
import type { ReadStatement } from './readStatements'

/**
 * What storing a statement did: a voiding or expiry statement waits for the caller to apply it once the rest is in;
 * a competency achievement without a score gets no level; a learner not in the workspace leaves an unmatched record.
 */
export type StoredAs = 'voiding' | 'expiring' | 'no-level' | 'unmatched' | 'stored'

/**
 * Stores statements of an import batch (a file or an LRS pull), journaled: the statement itself and the learning
 * record or competency rating it stands for, by the meaning of its verb.
 */
export function createStatementStore(
  db: WorkspaceDb,
  journal: ChangeJournal,
  writer: RecordWriter,
  batchId: string,
): (s: ReadStatement) => StoredAs {
  const insert = db.prepare(
    'INSERT INTO xapi_statements (statement_id, fingerprint, verb_id, learner, timestamp, statement_json) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const competencies = createBatchWriter('competencies', db, journal, batchId)
  return (s) => {
    const verb = String((s.statement['verb'] as Record<string, unknown>)['id'])
    const rowId = insert.run(
      s.id,
      s.fingerprint,
      verb,
      learnerOf(s.statement).label,
      (s.statement['timestamp'] as string | undefined) ?? null,
      s.json ?? JSON.stringify(s.statement),
    ).lastInsertRowid
    journal.inserted('xapi_statements', rowId)
    if (verb === VOIDED_VERB) return 'voiding'
    if (verb === TLA_EXPIRED) return 'expiring'
    if (verb === TLA_ACHIEVED && isCompetencyObject(s.statement)) {
      const evidence = competencyEvidenceOf(s.statement)
      if (evidence.kind === 'no-level') return 'no-level'
      return competencies.write({ row: s.index, values: evidence.values }).outcome === 'unmatched'
        ? 'unmatched'
        : 'stored'
    }
    const values = toLearningValues(s.statement)
    return values && writer.write({ row: s.index, values }).outcome === 'unmatched' ? 'unmatched' : 'stored'
  }
}
