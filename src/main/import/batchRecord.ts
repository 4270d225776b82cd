import type { MethodOutput } from '../../shared/contract'
import type { WorkspaceDb } from '../db/openWorkspaceDb'
import type { TabularKind } from '../../core/import/fields'
import { appendAudit } from '../services/auditLog'
import { ChangeJournal } from './journal'
import { createBatchWriter, type RecordWriter } from './writers'

type Summary = MethodOutput<'import.commit'>

export interface BatchHeader {
  batchId: string
  kind: Summary['kind']
  file: string
  sha256: string
  mappingJson: string
  actor: string
  now: Date
}

/** Opens a batch's record; it is only ever seen by others once the batch's transaction commits. */
export function openBatchRecord(db: WorkspaceDb, batch: BatchHeader): void {
  db.prepare(
    `INSERT INTO import_batches (id, kind, file_name, sha256, mapping_json, total, inserted, updated, unchanged, rejected, unmatched, issues_json, actor, created_at)
     VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, '[]', ?, ?)`,
  ).run(
    batch.batchId,
    batch.kind,
    batch.file,
    batch.sha256,
    batch.mappingJson,
    batch.actor,
    batch.now.toISOString(),
  )
}

/** Writes the batch's final counts and issues, and its audit-log entry, inside the batch's transaction. */
export function closeBatchRecord(db: WorkspaceDb, batch: BatchHeader, summary: Summary): void {
  const { rows } = summary
  db.prepare(
    'UPDATE import_batches SET total = ?, inserted = ?, updated = ?, unchanged = ?, rejected = ?, unmatched = ?, issues_json = ? WHERE id = ?',
  ).run(
    rows.total,
    rows.inserted,
    rows.updated,
    rows.unchanged,
    rows.rejected,
    summary.unmatched,
    JSON.stringify({ errors: summary.errors, warnings: summary.warnings }),
    batch.batchId,
  )
  appendAudit(
    db,
    {
      actor: batch.actor,
      action: 'import.commit',
      entityType: 'import_batch',
      entityId: batch.batchId,
      after: { file: batch.file, sha256: batch.sha256, kind: batch.kind, rows, unmatched: summary.unmatched },
    },
    batch.now,
  )
}

/**
 * Starts a batch inside its transaction: its record, its change journal, and a writer whose unknown people become
 * the batch's unmatched records.
 */
export function startBatch(
  db: WorkspaceDb,
  batch: BatchHeader,
  kind: TabularKind,
): { journal: ChangeJournal; writer: RecordWriter } {
  openBatchRecord(db, batch)
  const journal = new ChangeJournal(db, batch.batchId)
  return {
    journal,
    writer: createBatchWriter(kind, db, journal, batch.batchId, batch.now.toISOString().slice(0, 10)),
  }
}
