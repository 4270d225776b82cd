import { createHash } from 'node:crypto'
import type { ImportIssueShape, MethodOutput } from '../../shared/contract'
import type { AppError } from '../../shared/result'
import type { WorkspaceDb } from '../db/openWorkspaceDb'
import { appendAudit } from '../services/auditLog'
import type { StoredConnection } from './connections'

/** What a pull counted, as recorded in its history row. */
export type PullCounts = Pick<
  MethodOutput<'lrs.pull'>['pull'],
  'pages' | 'received' | 'stored' | 'duplicates' | 'conflicts' | 'voided' | 'unmatched'
>

/**
 * The bookkeeping of one pull: its history row, its import batch (opened with the first statement stored, so a
 * pull that stores nothing leaves no batch), the counts and issues, and the checkpoint. Everything here is written
 * inside the page transaction it belongs to; a dry run writes no history and keeps no batch.
 */
export class PullRecord {
  readonly counts: PullCounts = {
    pages: 0,
    received: 0,
    stored: 0,
    duplicates: 0,
    conflicts: 0,
    voided: 0,
    unmatched: 0,
  }
  readonly errors: ImportIssueShape[] = []
  readonly warnings: ImportIssueShape[] = []
  readonly ids = createHash('sha256')
  readonly pullId: number | null
  batchOpened = false

  constructor(
    private readonly db: WorkspaceDb,
    private readonly connection: StoredConnection,
    private readonly batch: { id: string; actor: string; started: string; now: Date },
    readonly since: string | null,
    readonly dryRun: boolean,
  ) {
    // A pull recorded as running by a process that died never finished: say so before starting another.
    db.prepare(
      "UPDATE lrs_pulls SET outcome = 'interrupted' WHERE connection_id = ? AND outcome = 'running'",
    ).run(connection.id)
    this.pullId = dryRun
      ? null
      : Number(
          db
            .prepare('INSERT INTO lrs_pulls (connection_id, started_at, since, actor) VALUES (?, ?, ?, ?)')
            .run(connection.id, batch.started, since, batch.actor).lastInsertRowid,
        )
  }

  get batchId(): string {
    return this.batch.id
  }

  openBatch(): void {
    if (this.batchOpened) return
    this.db
      .prepare(
        `INSERT INTO import_batches (id, kind, file_name, sha256, mapping_json, total, inserted, updated, unchanged, rejected, unmatched, issues_json, actor, created_at)
         VALUES (?, 'xapi', ?, '', '{}', 0, 0, 0, 0, 0, 0, '[]', ?, ?)`,
      )
      .run(this.batch.id, `LRS ${this.connection.name}`, this.batch.actor, this.batch.started)
    if (this.pullId !== null)
      this.db.prepare('UPDATE lrs_pulls SET batch_id = ? WHERE id = ?').run(this.batch.id, this.pullId)
    this.batchOpened = true
  }

  setCheckpoint(checkpoint: string | null): void {
    if (checkpoint !== null && !this.dryRun)
      this.db
        .prepare('UPDATE lrs_connections SET checkpoint = ? WHERE id = ?')
        .run(checkpoint, this.connection.id)
  }

  save(): void {
    const c = this.counts
    if (this.batchOpened)
      this.db
        .prepare(
          'UPDATE import_batches SET total = ?, inserted = ?, updated = ?, unchanged = ?, rejected = ?, unmatched = ?, sha256 = ?, issues_json = ? WHERE id = ?',
        )
        .run(
          c.received,
          c.stored,
          c.voided,
          c.duplicates,
          c.conflicts,
          c.unmatched,
          this.ids.copy().digest('hex'),
          JSON.stringify({ errors: this.errors, warnings: this.warnings }),
          this.batch.id,
        )
    if (this.pullId !== null)
      this.db
        .prepare(
          'UPDATE lrs_pulls SET pages = ?, received = ?, stored = ?, duplicates = ?, conflicts = ?, voided = ?, unmatched = ? WHERE id = ?',
        )
        .run(c.pages, c.received, c.stored, c.duplicates, c.conflicts, c.voided, c.unmatched, this.pullId)
  }

  /**
   * Runs one page's writes in a transaction. If they fail, the counts and issues go back to what they were, so the
   * history and the log never count a page that was rolled back; a dry run always rolls back.
   */
  inTransaction(work: () => void): void {
    const counts = { ...this.counts }
    const lengths = [this.errors.length, this.warnings.length]
    const opened = this.batchOpened
    try {
      this.db.transaction(() => {
        work()
        if (this.dryRun) throw new DryRunRollback()
      })()
    } catch (error) {
      // A dry run keeps its counts (they are what a real pull would store) but not its batch row.
      if (error instanceof DryRunRollback) {
        this.batchOpened = false
        return
      }
      Object.assign(this.counts, counts)
      this.errors.length = lengths[0] ?? 0
      this.warnings.length = lengths[1] ?? 0
      this.batchOpened = opened
      throw error
    }
  }

  finish(outcome: string, error: AppError | null): void {
    if (this.pullId === null) return
    const pullId = this.pullId
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE lrs_pulls SET outcome = ?, finished_at = ?, error_json = ? WHERE id = ?')
        .run(
          outcome,
          new Date().toISOString(),
          error ? JSON.stringify({ code: error.code, message: error.message }) : null,
          pullId,
        )
      appendAudit(
        this.db,
        {
          actor: this.batch.actor,
          action: 'lrs.pull',
          entityType: 'lrs_connection',
          entityId: this.connection.name,
          after: {
            outcome,
            since: this.since,
            ...this.counts,
            batchId: this.batchOpened ? this.batch.id : null,
          },
        },
        this.batch.now,
      )
    })()
  }
}

/** Rolls a dry run's page back after it was stored, so a dry run counts exactly what a real pull would store. */
class DryRunRollback extends Error {}
