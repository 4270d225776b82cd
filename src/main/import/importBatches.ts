import type { MethodOutput } from '../../shared/contract'
import { message } from '../../shared/i18n/translate'
import { AppError } from '../../shared/result'
import type { WorkspaceDb } from '../db/openWorkspaceDb'
import { appendAudit } from '../services/auditLog'
import { ID_COLUMN, JOURNALED_COLUMNS, type Table } from './journal'

export function listImports(db: WorkspaceDb): MethodOutput<'import.list'> {
  const rows = db
    .prepare('SELECT * FROM import_batches ORDER BY created_at DESC, rowid DESC')
    .all() as Record<string, string | number | null>[]
  return rows.map((r) => ({
    batchId: String(r['id']),
    kind: r['kind'] as MethodOutput<'import.list'>[number]['kind'],
    file: String(r['file_name']),
    sha256: String(r['sha256']),
    createdAt: String(r['created_at']),
    actor: String(r['actor']),
    rows: {
      total: Number(r['total']),
      inserted: Number(r['inserted']),
      updated: Number(r['updated']),
      unchanged: Number(r['unchanged']),
      rejected: Number(r['rejected']),
    },
    unmatched: Number(r['unmatched']),
    undoneAt: r['undone_at'] === null ? null : String(r['undone_at']),
  }))
}

/**
 * Undoes a batch by replaying its journal backwards: inserted rows are deleted, overwritten rows get their
 * previous values back. Only the newest live batch can be undone — a later batch may build on this one's rows
 * (reviews of people it added), and undoing underneath it would break them — so the message names what to undo first.
 */
function hasNewerOpenAction(db: WorkspaceDb, actionId: number): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM outbox_actions o JOIN outbox_actions a ON a.id = ?
         WHERE o.id <> a.id AND o.person_id = a.person_id AND o.item_id = a.item_id AND o.status = 'open'`,
      )
      .get(actionId) !== undefined
  )
}

/** Later work built on what a batch added (a session on its cycle, a role on its skill…) keeps it from being undone. */
function dependentWork(error: unknown, batchId: string): AppError | null {
  if (!(error instanceof Error) || !('code' in error) || error.code !== 'SQLITE_CONSTRAINT_FOREIGNKEY')
    return null
  return new AppError('IMPORT_CONFLICT', message('import.errors.dependentWork', { batch: batchId }), {
    batchId,
  })
}

export function undoImport(
  db: WorkspaceDb,
  batchId: string,
  actor: string,
  now: Date,
): MethodOutput<'import.undo'> {
  try {
    return undoBatch(db, batchId, actor, now)
  } catch (error) {
    throw dependentWork(error, batchId) ?? error
  }
}

function undoBatch(db: WorkspaceDb, batchId: string, actor: string, now: Date): MethodOutput<'import.undo'> {
  return db.transaction(() => {
    // Rows come out in reverse journal order, but a batch's parents (a new course, cycle or skill) and children (its
    // records) were journaled as ranges per table: check foreign keys once, at commit, when all of them are gone.
    db.pragma('defer_foreign_keys = ON')
    const batch = db
      .prepare('SELECT id, rowid AS seq, undone_at, file_name FROM import_batches WHERE id = ?')
      .get(batchId) as { id: string; seq: number; undone_at: string | null; file_name: string } | undefined
    if (!batch) throw new AppError('NOT_FOUND', message('import.errors.noBatch', { batch: batchId }))
    if (batch.undone_at)
      throw new AppError(
        'IMPORT_CONFLICT',
        message('import.errors.alreadyUndone', { batch: batchId, at: batch.undone_at }),
      )
    const later = db
      .prepare(
        'SELECT id, file_name FROM import_batches WHERE rowid > ? AND undone_at IS NULL ORDER BY rowid DESC LIMIT 1',
      )
      .get(batch.seq) as { id: string; file_name: string } | undefined
    if (later) {
      throw new AppError(
        'IMPORT_CONFLICT',
        message('import.errors.undoLaterFirst', { file: later.file_name, later: later.id, batch: batchId }),
        { blockingBatchId: later.id },
      )
    }
    const changes = db
      .prepare(
        'SELECT table_name, row_id, last_row_id, action, before_json FROM import_changes WHERE batch_id = ? ORDER BY id DESC',
      )
      .all(batchId) as {
      table_name: Table
      row_id: number
      last_row_id: number | null
      action: 'insert' | 'update' | 'delete'
      before_json: string | null
    }[]
    let removed = 0
    let restored = 0
    for (const change of changes) {
      const table = change.table_name
      if (!(table in JOURNALED_COLUMNS)) throw new Error(`journal names an unknown table ${table}`)
      const id = ID_COLUMN[table]
      if (change.action === 'insert') {
        removed += db
          .prepare(`DELETE FROM ${table} WHERE ${id} BETWEEN ? AND ?`)
          .run(change.row_id, change.last_row_id ?? change.row_id).changes
      } else if (change.action === 'delete') {
        const row = JSON.parse(change.before_json ?? '{}') as Record<string, string | number | null>
        const columns = Object.keys(row)
        db.prepare(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        ).run(...columns.map((c) => row[c] ?? null))
        restored++
      } else {
        const before = JSON.parse(change.before_json ?? '{}') as Record<string, unknown>
        const columns = Object.keys(before).filter((c) => JOURNALED_COLUMNS[table].includes(c))
        // An action the import closed stays closed if the same item has been assigned to the person again since:
        // reopening it would make two open assignments of one item.
        if (
          table === 'outbox_actions' &&
          before['status'] === 'open' &&
          hasNewerOpenAction(db, change.row_id)
        ) {
          restored++
          continue
        }
        if (columns.length > 0) {
          db.prepare(`UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE ${id} = ?`).run(
            ...columns.map((c) => before[c] as string | number | null),
            change.row_id,
          )
        }
        restored++
      }
    }
    db.prepare('DELETE FROM unmatched_records WHERE batch_id = ?').run(batchId)
    db.prepare('UPDATE import_batches SET undone_at = ? WHERE id = ?').run(now.toISOString(), batchId)
    // An LRS pull undone: its connection goes back to where that pull started, so the next pull brings the
    // statements again instead of finding "nothing new".
    db.prepare(
      `UPDATE lrs_connections SET checkpoint = (SELECT since FROM lrs_pulls WHERE batch_id = ?)
       WHERE id = (SELECT connection_id FROM lrs_pulls WHERE batch_id = ?)`,
    ).run(batchId, batchId)
    appendAudit(
      db,
      {
        actor,
        action: 'import.undo',
        entityType: 'import_batch',
        entityId: batchId,
        after: { removed, restored },
      },
      now,
    )
    return { batchId, removed, restored }
  })()
}
