import { randomUUID } from 'node:crypto'
import type { MethodOutput } from '../../shared/contract'
import { message } from '../../shared/i18n/translate'
import { AppError } from '../../shared/result'
import type { FieldValue } from '../../core/import/parseValue'
import type { TabularKind } from '../../core/import/fields'
import type { WorkspaceDb } from '../db/openWorkspaceDb'
import { closeBatchRecord, openBatchRecord } from './batchRecord'
import { ChangeJournal } from './journal'
import { createWriter } from './writers'

/** Open unmatched records, grouped by the identifier they carry (an unknown employee ID or email). */
export function listUnmatched(db: WorkspaceDb): MethodOutput<'import.unmatched'> {
  return db
    .prepare(
      `SELECT u.identifier, u.kind, count(*) AS records, group_concat(DISTINCT b.file_name) AS files
       FROM unmatched_records u JOIN import_batches b ON b.id = u.batch_id
       WHERE u.resolved_batch_id IS NULL AND b.undone_at IS NULL
       GROUP BY u.identifier, u.kind ORDER BY records DESC, u.identifier LIMIT 500`,
    )
    .all() as MethodOutput<'import.unmatched'>
}

/**
 * Links the records waiting under `identifier` to an existing person by hand (the HRIS uses another ID, the LMS an
 * old email). It is a batch like any import: journaled, audited, and undone the same way.
 */
export function linkUnmatched(
  db: WorkspaceDb,
  identifier: string,
  employeeId: string,
  actor: string,
  now: Date,
): MethodOutput<'import.link'> {
  const person = db.prepare('SELECT id FROM people WHERE employee_id = ?').get(employeeId) as
    { id: number } | undefined
  if (!person) throw new AppError('NOT_FOUND', message('import.errors.noPerson', { employeeId }))
  const open = db
    .prepare(
      `SELECT u.id, u.kind, u.row, u.record_json FROM unmatched_records u JOIN import_batches b ON b.id = u.batch_id
       WHERE u.identifier = ? AND u.resolved_batch_id IS NULL AND b.undone_at IS NULL ORDER BY u.id`,
    )
    .all(identifier) as { id: number; kind: TabularKind; row: number; record_json: string }[]
  if (open.length === 0) throw new AppError('NOT_FOUND', message('import.errors.noneWaiting', { identifier }))
  const kind = open[0]?.kind ?? 'learning'
  const batchId = randomUUID()
  const header = {
    batchId,
    kind,
    file: `linked “${identifier}” to ${employeeId}`,
    sha256: '',
    mappingJson: JSON.stringify({ link: { identifier, employeeId } }),
    actor,
    now,
  }
  return db.transaction(() => {
    openBatchRecord(db, header)
    const journal = new ChangeJournal(db, batchId)
    const writers = new Map<TabularKind, ReturnType<typeof createWriter>>()
    const summary: MethodOutput<'import.commit'> = {
      batchId,
      kind,
      file: header.file,
      sha256: '',
      rows: { total: open.length, inserted: 0, updated: 0, unchanged: 0, rejected: 0 },
      errors: [],
      warnings: [],
      unmatched: 0,
      outcome: 'stored',
    }
    for (const record of open) {
      let writer = writers.get(record.kind)
      if (!writer)
        writers.set(record.kind, (writer = createWriter(record.kind, db, journal, () => undefined)))
      const values = {
        ...(JSON.parse(record.record_json) as Record<string, FieldValue>),
        employeeId,
        email: null,
      }
      const outcome = writer.write({ row: record.row, values }).outcome
      if (outcome === 'rejected' || outcome === 'unmatched') {
        summary.rows.rejected++
        continue
      }
      if (outcome === 'updated') summary.rows.updated++
      else summary.rows[outcome]++
      journal.updating('unmatched_records', record.id, { resolved_batch_id: null })
      db.prepare('UPDATE unmatched_records SET resolved_batch_id = ? WHERE id = ?').run(batchId, record.id)
    }
    journal.flush()
    closeBatchRecord(db, header, summary)
    return { batchId, linked: summary.rows.total - summary.rows.rejected }
  })()
}
