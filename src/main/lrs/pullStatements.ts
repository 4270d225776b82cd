import { createHash, randomUUID } from 'node:crypto'
import type { ImportIssueShape, MethodOutput } from '../../shared/contract'
import { english, message, type Message } from '../../shared/i18n/translate'
import { AppError } from '../../shared/result'
import { continuesAscending, newestStored, resumeSince } from '../../core/xapi/lrsPaging'
import { firstPageUrl, nextPageUrl } from './pageUrls'
import { statementFingerprint } from '../../core/xapi/toLearningRecord'
import { VOIDED_VERB } from '../../core/xapi/verbs'
import type { WorkspaceDb } from '../db/openWorkspaceDb'
import { checkStatement, type ReadStatement } from '../import/xapi/readStatements'
import { appendAudit } from '../services/auditLog'
import { pullById, type StoredConnection } from './connections'
import { getLrsJson, redactUrl, type RequestOptions } from './lrsHttp'
import { applyPendingVoids, storePage } from './storePage'

export type PullSummary = MethodOutput<'lrs.pull'>

/** What a pull counted, as recorded in its history row. */
type PullCounts = Pick<
  PullSummary['pull'],
  'pages' | 'received' | 'stored' | 'duplicates' | 'conflicts' | 'voided' | 'unmatched'
>

export interface PullProgress {
  pages: number
  received: number
  stored: number
  unmatched: number
}

export interface PullOptions {
  since?: string | undefined
  dryRun: boolean
  pageSize: number
  signal: AbortSignal
  onProgress?: (progress: PullProgress) => void
  http?: Omit<RequestOptions, 'signal'>
}

interface PullContext {
  db: WorkspaceDb
  actor: string
  now: Date
}

const MAX_ISSUES = 1_000
const note = (code: string, text: Message, value: string | null = null): ImportIssueShape => ({
  sheet: null,
  row: 0,
  column: null,
  value,
  code,
  message: english(text),
})

/** Rolls a dry run's page back after it was stored, so a dry run counts exactly what a real pull would store. */
class DryRunRollback extends Error {}

/**
 * Pulls the statements stored in the LRS since the connection's checkpoint, page by page. Each page is checked,
 * deduplicated by id (against the workspace and the pages before it: servers repeat statements) and stored in one
 * transaction together with the checkpoint and the pull's counts, so a pull stopped at any point — cancelled,
 * killed, the network gone — leaves whole pages and resumes after the last one. Voids are applied once the pages
 * are in. One pull is one import batch, undoable as a whole.
 */
export async function pullStatements(
  ctx: PullContext,
  connection: StoredConnection,
  options: PullOptions,
): Promise<PullSummary> {
  const { db } = ctx
  const since = options.since ?? resumeSince(connection.checkpoint) ?? connection.filters.since ?? null
  const batchId = randomUUID()
  const ids = createHash('sha256')
  const started = ctx.now.toISOString()
  // A pull recorded as running by a process that died never finished: say so before starting another.
  db.prepare(
    "UPDATE lrs_pulls SET outcome = 'interrupted' WHERE connection_id = ? AND outcome = 'running'",
  ).run(connection.id)
  const pullId = options.dryRun
    ? null
    : Number(
        db
          .prepare('INSERT INTO lrs_pulls (connection_id, started_at, since, actor) VALUES (?, ?, ?, ?)')
          .run(connection.id, started, since, ctx.actor).lastInsertRowid,
      )
  const counts: PullCounts = {
    pages: 0,
    received: 0,
    stored: 0,
    duplicates: 0,
    conflicts: 0,
    voided: 0,
    unmatched: 0,
  }
  const errors: ImportIssueShape[] = []
  const warnings: ImportIssueShape[] = []
  const seen = new Map<string, string>()
  const voidsOfThisPull = new Set<string>()
  let batchOpened = false
  let ascending = true
  /** The newest `stored` of all pages so far, and of the page before the current one. */
  let newest: string | null = null
  let previousNewest: string | null = null
  let rejected = false
  const fingerprintOf = db.prepare('SELECT fingerprint FROM xapi_statements WHERE statement_id = ?')

  const openBatch = (): void => {
    if (batchOpened) return
    db.prepare(
      `INSERT INTO import_batches (id, kind, file_name, sha256, mapping_json, total, inserted, updated, unchanged, rejected, unmatched, issues_json, actor, created_at)
       VALUES (?, 'xapi', ?, '', '{}', 0, 0, 0, 0, 0, 0, '[]', ?, ?)`,
    ).run(batchId, `LRS ${connection.name}`, ctx.actor, started)
    if (pullId !== null) db.prepare('UPDATE lrs_pulls SET batch_id = ? WHERE id = ?').run(batchId, pullId)
    batchOpened = true
  }
  const saveCounts = (): void => {
    if (batchOpened)
      db.prepare(
        'UPDATE import_batches SET total = ?, inserted = ?, unchanged = ?, rejected = ?, unmatched = ?, sha256 = ?, issues_json = ? WHERE id = ?',
      ).run(
        counts.received,
        counts.stored,
        counts.duplicates,
        counts.conflicts,
        counts.unmatched,
        ids.copy().digest('hex'),
        JSON.stringify({ errors, warnings }),
        batchId,
      )
    if (pullId !== null)
      db.prepare(
        'UPDATE lrs_pulls SET pages = ?, received = ?, stored = ?, duplicates = ?, conflicts = ?, voided = ?, unmatched = ? WHERE id = ?',
      ).run(
        counts.pages,
        counts.received,
        counts.stored,
        counts.duplicates,
        counts.conflicts,
        counts.voided,
        counts.unmatched,
        pullId,
      )
  }
  const inPageTransaction = (work: () => void): void => {
    try {
      db.transaction(() => {
        work()
        if (options.dryRun) throw new DryRunRollback()
      })()
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error
      // The batch row went with the rollback: the next page of a dry run opens it again.
      batchOpened = false
    }
  }
  const finish = (outcome: string, error: AppError | null): void => {
    if (pullId === null) return
    db.transaction(() => {
      db.prepare('UPDATE lrs_pulls SET outcome = ?, finished_at = ?, error_json = ? WHERE id = ?').run(
        outcome,
        new Date().toISOString(),
        error ? JSON.stringify({ code: error.code, message: error.message }) : null,
        pullId,
      )
      appendAudit(
        db,
        {
          actor: ctx.actor,
          action: 'lrs.pull',
          entityType: 'lrs_connection',
          entityId: connection.name,
          after: { outcome, since, ...counts, batchId: batchOpened ? batchId : null },
        },
        ctx.now,
      )
    })()
  }

  try {
    let url: string | null = firstPageUrl(connection.endpoint, {
      since,
      limit: options.pageSize,
      filters: connection.filters,
    })
    const visited = new Set<string>()
    while (url !== null) {
      if (options.signal.aborted) throw new AppError('CANCELLED', message('lrs.errors.cancelled'))
      visited.add(url)
      const body = await getLrsJson(url, connection, { ...options.http, signal: options.signal })
      const page = counts.pages + 1
      const statements = pageStatements(body, page, url)
      const fresh: ReadStatement[] = []
      const pageIssues: ImportIssueShape[] = []
      statements.forEach((statement, position) => {
        const problems = checkStatement(statement)
        for (const p of problems)
          pageIssues.push({
            sheet: `page ${page}`,
            row: position + 1,
            column: p.path,
            value: typeof statement['id'] === 'string' ? statement['id'] : null,
            code: p.code,
            message: english(
              message('lrs.issues.statement', { page, position: position + 1, problem: p.message }),
            ),
          })
      })
      // The previous page's newest time becomes the checkpoint once this page shows the server really pages in
      // ascending order (lagging one page: a resume re-reads at most one page, which dedupe drops).
      ascending &&= continuesAscending(statements, previousNewest)
      const confirmed = ascending && !options.dryRun ? previousNewest : null
      const moveCheckpoint = (): void => {
        if (confirmed !== null)
          db.prepare('UPDATE lrs_connections SET checkpoint = ? WHERE id = ?').run(confirmed, connection.id)
      }
      if (pageIssues.length > 0) {
        db.transaction(moveCheckpoint)()
        // A malformed page is refused whole: nothing of it is stored and the checkpoint stays before it.
        errors.push(...pageIssues.slice(0, MAX_ISSUES - errors.length))
        rejected = true
        break
      }
      inPageTransaction(() => {
        for (const [position, statement] of statements.entries()) {
          counts.received++
          const id = String(statement['id']).toLowerCase()
          const fingerprint = statementFingerprint(statement)
          const known =
            seen.get(id) ?? (fingerprintOf.get(id) as { fingerprint: string } | undefined)?.fingerprint
          if (known === undefined) {
            seen.set(id, fingerprint)
            fresh.push({ index: position + 1, id, fingerprint, statement })
            ids.update(id)
            const verb = (statement['verb'] as Record<string, unknown> | undefined)?.['id']
            if (verb === VOIDED_VERB) voidsOfThisPull.add(id)
          } else if (known === fingerprint) {
            counts.duplicates++
          } else {
            counts.conflicts++
            if (errors.length < MAX_ISSUES)
              errors.push({
                sheet: `page ${page}`,
                row: position + 1,
                column: 'id',
                value: id,
                code: 'CONFLICT',
                message: english(message('lrs.issues.conflict', { page, position: position + 1, id })),
              })
          }
        }
        if (fresh.length > 0) {
          openBatch()
          const stored = storePage(db, batchId, fresh)
          counts.stored += stored.stored
          counts.unmatched += stored.unmatched
        }
        counts.pages = page
        moveCheckpoint()
        saveCounts()
      })
      const pageNewest = newestStored(statements)
      if (pageNewest !== null && (newest === null || pageNewest > newest)) newest = pageNewest
      previousNewest = pageNewest ?? previousNewest
      options.onProgress?.({ ...counts })
      const next = nextPageUrl(connection.endpoint, (body as Record<string, unknown>)['more'])
      if (next !== null && visited.has(next)) {
        warnings.push(note('MORE_REPEATS', message('lrs.issues.moreRepeats')))
        break
      }
      url = next
    }

    inPageTransaction(() => {
      if (!rejected) {
        const voids =
          batchOpened || voidsOfThisPull.size > 0 ? applyPendingVoids(db, batchId, voidsOfThisPull) : null
        if (voids && voids.applied > 0) {
          openBatch()
          counts.voided = voids.applied
        }
        for (const target of voids?.unknown ?? [])
          warnings.push(note('VOID_TARGET_UNKNOWN', message('lrs.issues.voidUnknown', { target }), target))
        // Every page is in: the newest time seen is safe whatever order the server paged in.
        if (newest !== null && !options.dryRun)
          db.prepare('UPDATE lrs_connections SET checkpoint = ? WHERE id = ?').run(newest, connection.id)
      }
      if (counts.unmatched > 0)
        warnings.push(note('UNMATCHED', message('lrs.issues.unmatched', { count: counts.unmatched })))
      if (counts.conflicts > 0)
        warnings.push(note('CONFLICTS', message('lrs.issues.conflicts', { count: counts.conflicts })))
      saveCounts()
    })
    const outcome = rejected
      ? 'rejected'
      : options.dryRun
        ? 'dry-run'
        : counts.stored > 0 || counts.voided > 0
          ? 'stored'
          : 'already-imported'
    finish(outcome === 'already-imported' ? 'nothing-new' : outcome, null)
    return {
      batchId: batchOpened && !options.dryRun ? batchId : null,
      kind: 'xapi',
      file: `LRS ${connection.name}`,
      sha256: ids.digest('hex'),
      rows: {
        total: counts.received,
        inserted: counts.stored,
        updated: counts.voided,
        unchanged: counts.duplicates,
        rejected: counts.conflicts + (rejected ? errors.length : 0),
      },
      errors,
      warnings,
      unmatched: counts.unmatched,
      outcome,
      pull: pullId === null ? dryRunPull(connection.name, started, since, counts) : pullById(db, pullId),
    }
  } catch (error) {
    const failure = keptAfter(
      error instanceof AppError ? error : new AppError('INTERNAL', (error as Error).message ?? String(error)),
      counts,
    )
    finish(failure.code === 'CANCELLED' ? 'cancelled' : 'failed', failure)
    throw failure
  }
}

/**
 * A pull that stops after some pages keeps them: the message says so, and that the next pull resumes after them.
 * A cancel says it too, instead of the usual "nothing was kept".
 */
function keptAfter(error: AppError, counts: { pages: number; stored: number }): AppError {
  if (error.code === 'CANCELLED')
    return new AppError(
      'CANCELLED',
      counts.pages > 0
        ? message('lrs.errors.cancelledKept', { pages: counts.pages, count: counts.stored })
        : message('lrs.errors.cancelled'),
    )
  if (counts.pages === 0) return error
  return new AppError(
    error.code,
    message('lrs.errors.keptAfter', {
      error: error.text ?? error.message,
      pages: counts.pages,
      count: counts.stored,
    }),
    { ...error.details, pagesKept: counts.pages, statementsKept: counts.stored },
  )
}

function dryRunPull(
  connection: string,
  startedAt: string,
  since: string | null,
  counts: PullCounts,
): PullSummary['pull'] {
  return {
    id: 0,
    connection,
    startedAt,
    finishedAt: new Date().toISOString(),
    outcome: 'dry-run',
    since,
    batchId: null,
    error: null,
    ...counts,
  }
}

/** A page must be a StatementResult: `{ statements: [...], more }` with an object and an id for each statement. */
function pageStatements(body: unknown, page: number, url: string): Record<string, unknown>[] {
  const statements =
    body !== null && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)['statements']
      : undefined
  if (!Array.isArray(statements))
    throw new AppError('LRS_BAD_PAGE', message('lrs.errors.notStatementResult', { page }), {
      page,
      url: redactUrl(url),
    })
  return statements.map((s, n) => {
    if (
      s === null ||
      typeof s !== 'object' ||
      Array.isArray(s) ||
      typeof (s as Record<string, unknown>)['id'] !== 'string'
    )
      throw new AppError(
        'LRS_BAD_PAGE',
        message('lrs.errors.statementWithoutId', { page, position: n + 1 }),
        {
          page,
          url: redactUrl(url),
        },
      )
    return s as Record<string, unknown>
  })
}
