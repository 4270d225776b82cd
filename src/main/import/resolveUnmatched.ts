import type { FieldValue } from '../../core/import/parseValue'
import type { TabularKind } from '../../core/import/fields'
import type { WorkspaceDb } from '../db/openWorkspaceDb'
import type { ChangeJournal } from './journal'
import { createWriter, type RecordWriter } from './writers'

/**
 * After a people import, stores the records earlier imports could not link to anyone (reviews, learning… of
 * people who were not in the workspace yet) whose person now exists. Runs in the people batch's transaction and
 * journal, so undoing that batch removes them again and reopens them as unmatched.
 */
export function resolveUnmatched(db: WorkspaceDb, journal: ChangeJournal, batchId: string): number {
  const open = db
    .prepare(
      `SELECT u.id, u.kind, u.row, u.record_json FROM unmatched_records u
       JOIN import_batches b ON b.id = u.batch_id
       WHERE u.resolved_batch_id IS NULL AND b.undone_at IS NULL AND b.id <> ?
         AND (EXISTS (SELECT 1 FROM people p WHERE p.employee_id = u.identifier)
              OR EXISTS (SELECT 1 FROM people p WHERE lower(trim(p.email)) = lower(u.identifier)))
       ORDER BY u.id`,
    )
    .all(batchId) as { id: number; kind: TabularKind; row: number; record_json: string }[]
  const writers = new Map<TabularKind, RecordWriter>()
  const resolve = db.prepare('UPDATE unmatched_records SET resolved_batch_id = ? WHERE id = ?')
  let linked = 0
  for (const record of open) {
    let writer = writers.get(record.kind)
    if (!writer) {
      writer = createWriter(record.kind, db, journal, () => undefined)
      writers.set(record.kind, writer)
    }
    const values = JSON.parse(record.record_json) as Record<string, FieldValue>
    const outcome = writer.write({ row: record.row, values }).outcome
    if (outcome === 'unmatched' || outcome === 'rejected') continue
    journal.updating('unmatched_records', record.id, { resolved_batch_id: null })
    resolve.run(batchId, record.id)
    linked++
  }
  return linked
}
