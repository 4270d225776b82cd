import { randomUUID } from 'node:crypto'
import type { MethodOutput } from '../../shared/contract'
import { english, message, type Message } from '../../shared/i18n/translate'
import { AppError } from '../../shared/result'
import { resumeSince, StoredOrder } from '../../core/xapi/lrsPaging'
import { statementFingerprint } from '../../core/xapi/toLearningRecord'
import { VOIDED_VERB } from '../../core/xapi/verbs'
import type { WorkspaceDb } from '../db/openWorkspaceDb'
import { ChangeJournal } from '../import/journal'
import type { ReadStatement } from '../import/xapi/readStatements'
import { closeCompletedActions } from '../services/rules/outbox'
import type { StoredConnection } from './connections'
import { pullById } from './connections'
import { getLrsJson, type LrsAnswer, type RequestOptions } from './lrsHttp'
import { firstPageUrl, nextPageUrl } from './pageUrls'
import { PullRecord, type PullCounts } from './pullRecord'
import { readPage } from './readPage'
import { applyPendingVoids, countVoidable, storePage } from './storePage'

export type PullSummary = MethodOutput<'lrs.pull'>
export type PullProgress = Pick<PullCounts, 'pages' | 'received' | 'stored' | 'unmatched'>

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
/**
 * Pages the write-ahead log may hold during a pull before SQLite copies them into the file (64 MiB at 4 KiB pages;
 * SQLite's default is 1,000). Each page of statements rewrites much the same index pages, so copying after every
 * third page (the default) copied each of them again and again: 60–70 ms each time, most of a pull's commit cost.
 * Raising it only delays that copy, never a commit: every page is durable in the log when its transaction ends.
 */
const PULL_CHECKPOINT_PAGES = 16_384
const note = (code: string, text: Message, value: string | null = null) => ({
  sheet: null,
  row: 0,
  column: null,
  value,
  code,
  message: english(text),
})

/**
 * Pulls the statements stored in the LRS since the connection's checkpoint, page by page. Each page is checked,
 * deduplicated by id (against the workspace and the pages before it: servers repeat statements) and stored in one
 * transaction together with the checkpoint and the pull's counts, so a pull stopped at any point — cancelled,
 * killed, the network gone — leaves whole pages and resumes after them. Voids are applied once the pages are in,
 * and any a stopped pull left behind with them. One pull is one import batch, undoable as a whole.
 */
export async function pullStatements(
  ctx: PullContext,
  connection: StoredConnection,
  options: PullOptions,
): Promise<PullSummary> {
  const { db } = ctx
  const since = options.since ?? resumeSince(connection.checkpoint) ?? connection.filters.since ?? null
  const started = ctx.now.toISOString()
  const record = new PullRecord(
    db,
    connection,
    { id: randomUUID(), actor: ctx.actor, started, now: ctx.now },
    since,
    options.dryRun,
  )
  const { counts, errors, warnings } = record
  const seen = new Map<string, string>()
  const voidsOfThisPull = new Map<string, string>()
  const order = new StoredOrder()
  const fingerprintOf = db.prepare('SELECT fingerprint FROM xapi_statements WHERE statement_id = ?')
  let consistentThrough: string | null = null
  /** Rejected page or a `more` that loops: the pages after it were never read, so the end is not reached. */
  let stoppedEarly = false
  let rejectedIssues = 0
  let expired = 0
  let withoutLevel = 0

  const storeFresh = (
    page: number,
    statements: Record<string, unknown>[],
    plain: Record<string, unknown>[],
  ): void => {
    const fresh: ReadStatement[] = []
    for (const [n, statement] of statements.entries()) {
      counts.received++
      const id = String(statement['id']).toLowerCase()
      // Hashed and serialised from the ordinary objects: the same keys and values, without the slow lookups of
      // objects that have no prototype.
      const ordinary = plain[n] as Record<string, unknown>
      const fingerprint = statementFingerprint(ordinary)
      const known =
        seen.get(id) ?? (fingerprintOf.get(id) as { fingerprint: string } | undefined)?.fingerprint
      if (known === undefined) {
        seen.set(id, fingerprint)
        fresh.push({ index: n + 1, id, fingerprint, statement, json: JSON.stringify(ordinary) })
        record.ids.update(id)
        if ((statement['verb'] as Record<string, unknown> | undefined)?.['id'] === VOIDED_VERB)
          voidsOfThisPull.set(
            id,
            String((statement['object'] as Record<string, unknown>)['id']).toLowerCase(),
          )
      } else if (known === fingerprint) {
        counts.duplicates++
      } else {
        counts.conflicts++
        if (errors.length < MAX_ISSUES)
          errors.push({
            sheet: `page ${page}`,
            row: n + 1,
            column: 'id',
            value: id,
            code: 'CONFLICT',
            message: english(message('lrs.issues.conflict', { page, position: n + 1, id })),
          })
      }
    }
    if (fresh.length === 0) return
    record.openBatch()
    const stored = storePage(db, record.batchId, fresh)
    counts.stored += stored.stored
    counts.unmatched += stored.unmatched
    expired += stored.expired
    withoutLevel += stored.withoutLevel
  }

  // The request for the next page goes out before this page is stored, so the server prepares and sends it while
  // we check and store (SQLite's work is synchronous). Its failure is only seen when that page is awaited, after
  // this one is stored, as before; whatever is still in flight when the pull ends is aborted.
  const inFlight = new AbortController()
  const signal = AbortSignal.any([options.signal, inFlight.signal])
  const request = (url: string): Promise<LrsAnswer> => {
    const answer = getLrsJson(url, connection, { ...options.http, signal })
    answer.catch(() => undefined) // awaited later, or dropped when the pull stops first
    return answer
  }
  const autocheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number
  db.pragma(`wal_autocheckpoint = ${Math.max(autocheckpoint, PULL_CHECKPOINT_PAGES)}`)
  try {
    let url: string | null = firstPageUrl(connection.endpoint, {
      since,
      limit: options.pageSize,
      filters: connection.filters,
    })
    let pending: Promise<LrsAnswer> | null = request(url)
    const visited = new Set<string>()
    while (url !== null && pending !== null) {
      if (options.signal.aborted) throw new AppError('CANCELLED', message('lrs.errors.cancelled'))
      visited.add(url)
      const answer: LrsAnswer = await pending
      pending = null
      consistentThrough = answer.consistentThrough ?? consistentThrough
      const page = counts.pages + 1
      const read = readPage(answer, page)
      if (!read.ok) {
        // A malformed page is refused whole: nothing of it is stored and the checkpoint stays before it.
        errors.push(...read.issues.slice(0, MAX_ISSUES - errors.length))
        rejectedIssues = read.issues.length
        stoppedEarly = true
        break
      }
      // A `more` pointing elsewhere fails the pull after this page is stored, as it always did.
      let next: string | null = null
      let elsewhere: AppError | null = null
      try {
        next = followMore(connection.endpoint, (answer.body as Record<string, unknown>)['more'], page)
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        elsewhere = error
      }
      const repeats = next !== null && visited.has(next)
      if (next !== null && !repeats) pending = request(next)
      order.observe(read.statements)
      record.inTransaction(() => {
        storeFresh(page, read.statements, read.plain)
        counts.pages = page
        record.setCheckpoint(order.whilePaging(consistentThrough))
        record.save()
      })
      options.onProgress?.({ ...counts })
      if (elsewhere) throw elsewhere
      if (repeats) {
        warnings.push(note('MORE_REPEATS', message('lrs.issues.moreRepeats')))
        stoppedEarly = true
        break
      }
      url = next
    }

    record.inTransaction(() => {
      if (options.dryRun) {
        counts.voided = countVoidable(db, voidsOfThisPull, seen)
      } else {
        // Also the voids a stopped pull stored but never applied: found in the workspace, not in this pull.
        const voids = applyPendingVoids(
          db,
          () => (record.openBatch(), record.batchId),
          new Set(voidsOfThisPull.keys()),
        )
        counts.voided = voids.applied
        for (const target of voids.unknown)
          warnings.push(note('VOID_TARGET_UNKNOWN', message('lrs.issues.voidUnknown', { target }), target))
        if (record.batchOpened) {
          // Completions that arrived close the learning actions the rules had assigned, as a file import does.
          const journal = new ChangeJournal(db, record.batchId)
          const closed = closeCompletedActions(db, journal, ctx.now, ctx.actor)
          journal.flush()
          if (closed > 0)
            warnings.push(note('ACTIONS_CLOSED', message('lrs.issues.actionsClosed', { count: closed })))
        }
      }
      // Every page is in: the newest time seen is safe whatever order the server paged in.
      if (!stoppedEarly) record.setCheckpoint(order.complete(consistentThrough))
      if (expired > 0) warnings.push(note('EXPIRED', message('lrs.issues.expired', { count: expired })))
      if (withoutLevel > 0)
        warnings.push(note('NO_LEVEL', message('lrs.issues.noLevel', { count: withoutLevel })))
      if (counts.unmatched > 0)
        warnings.push(note('UNMATCHED', message('lrs.issues.unmatched', { count: counts.unmatched })))
      if (counts.conflicts > 0)
        warnings.push(note('CONFLICTS', message('lrs.issues.conflicts', { count: counts.conflicts })))
      record.save()
    })
    const outcome =
      rejectedIssues > 0
        ? 'rejected'
        : options.dryRun
          ? 'dry-run'
          : counts.stored > 0 || counts.voided > 0
            ? 'stored'
            : 'already-imported'
    record.finish(outcome === 'already-imported' ? 'nothing-new' : outcome, null)
    // The copy the raised limit put off, once for the whole pull (each page once, its latest version), as part of
    // the pull rather than left to the next small write, which would otherwise pay for it.
    db.pragma('wal_checkpoint(PASSIVE)')
    return {
      batchId: record.batchOpened && !options.dryRun ? record.batchId : null,
      kind: 'xapi',
      file: `LRS ${connection.name}`,
      sha256: record.ids.digest('hex'),
      rows: {
        total: counts.received,
        inserted: counts.stored,
        updated: counts.voided,
        unchanged: counts.duplicates,
        rejected: counts.conflicts + rejectedIssues,
      },
      errors,
      warnings,
      unmatched: counts.unmatched,
      outcome,
      pull:
        record.pullId === null
          ? {
              id: 0,
              connection: connection.name,
              startedAt: started,
              finishedAt: new Date().toISOString(),
              outcome,
              since,
              batchId: null,
              error: null,
              ...counts,
            }
          : pullById(db, record.pullId),
    }
  } catch (error) {
    if (!(error instanceof AppError)) {
      // A bug of ours: recorded as failed, then thrown as it is so the dispatcher logs it with its stack.
      record.finish('failed', new AppError('INTERNAL', message('lrs.errors.internal')))
      throw error
    }
    const failure = keptAfter(error, counts, options.dryRun)
    record.finish(failure.code === 'CANCELLED' ? 'cancelled' : 'failed', failure)
    throw failure
  } finally {
    inFlight.abort()
    db.pragma(`wal_autocheckpoint = ${autocheckpoint}`)
  }
}

/** The next page's address; a `more` pointing at another site stops the pull (credentials go nowhere else). */
function followMore(endpoint: string, more: unknown, page: number): string | null {
  try {
    return nextPageUrl(endpoint, more)
  } catch {
    const origin = typeof more === 'string' ? new URL(more, endpoint).origin : '?'
    throw new AppError('LRS_BAD_PAGE', message('lrs.errors.moreElsewhere', { page: page + 1, origin }))
  }
}

/**
 * A pull that stops after some pages keeps them: the message says so, and that the next pull resumes after them.
 * A cancel says it too, instead of the usual "nothing was kept"; a dry run kept nothing either way.
 */
function keptAfter(error: AppError, counts: PullCounts, dryRun: boolean): AppError {
  if (error.code === 'CANCELLED')
    return new AppError(
      'CANCELLED',
      counts.pages > 0 && !dryRun
        ? message('lrs.errors.cancelledKept', { pages: counts.pages, count: counts.stored })
        : message('lrs.errors.cancelled'),
    )
  if (counts.pages === 0 || dryRun) return error
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
