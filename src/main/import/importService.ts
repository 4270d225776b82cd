import { randomUUID } from 'node:crypto'
import type { ImportIssueShape, MethodOutput, ParsedInput } from '../../shared/contract'
import { message } from '../../shared/i18n/translate'
import { AppError } from '../../shared/result'
import { displayCell, isBlank, type Cell } from '../../core/import/cells'
import { issueText, RowValidator } from '../../core/import/validateRows'
import { inLongTransaction } from '../db/longTransaction'
import type { WorkspaceDb } from '../db/openWorkspaceDb'
import type { JobHandle } from '../services/jobs'
import { bulkLoadPays } from './bulkLoad'
import { closeBatchRecord, startBatch } from './batchRecord'
import { findMappingProfile } from './mappingProfiles'
import { fileError, openTable } from './openTable'
import { prepareImport } from './prepareImport'
import { layoutOf, sheetNotes } from './importLayout'
import type { TabularKind } from '../../core/import/fields'
import { resolveUnmatched } from './resolveUnmatched'
import { NamedManagers } from './resolveManagers'
import { closeCompletedActions } from '../services/rules/outbox'
import { newSkillNotes } from './newSkills'
import { SENSITIVE_CHANGED } from './writers'
import { sha256Of } from './fileHash'

export interface ImportContext {
  db: WorkspaceDb
  actor: string
  now: Date
  /** Private folder for the xlsx reader's spool files (see parseInWorker). */
  spoolRoot: string
  /**
   * Called once, just before a batch that updates existing records commits: the workspace keeps an automatic
   * backup of its state before the batch (taken from what is committed, so the batch itself is not in it).
   */
  beforeUpdatingCommit?: () => void
}

/** Errors and warnings are capped in the summary; the counts stay exact. */
const MAX_ISSUES = 1_000
const PREVIEW_ROWS = 200

function tabularKindOf(kind: ParsedInput<'import.commit'>['kind']): TabularKind {
  if (kind === 'xapi') throw new AppError('INVALID_INPUT', message('import.errors.xapiNotTabular'))
  return kind
}

export async function previewImport(
  input: ParsedInput<'import.preview'>,
  context: ImportContext,
): Promise<MethodOutput<'import.preview'>> {
  const table = openTable(input.path, {
    delimiter: input.mapping.delimiter ?? null,
    encoding: input.mapping.encoding ?? null,
    spoolRoot: context.spoolRoot,
  })
  try {
    const prepared = await prepareImport(
      table,
      tabularKindOf(input.kind),
      input.mapping,
      context.now.getUTCFullYear(),
      undefined,
      (kind, headers) => findMappingProfile(context.db, kind, headers),
    )
    await prepared.rest.return(undefined)
    const validator = new RowValidator(prepared.validator)
    const rows: { row: number; values: Record<string, string | number | boolean | null> }[] = []
    for (const source of prepared.head) {
      if (prepared.headerRow === null || source.row <= prepared.headerRow || source.cells.every(isBlank))
        continue
      for (const accepted of validator.acceptRecords(source.row, source.cells) ?? [])
        rows.push({ row: accepted.row, values: accepted.values })
      if (rows.length + validator.issues.length >= PREVIEW_ROWS) break
    }
    return {
      format: table.format,
      sheets: table.sheets,
      sheet: prepared.sheet,
      encoding: table.encoding,
      delimiter: table.delimiter,
      headerRow: prepared.headerRow,
      headers: prepared.headers,
      columns: prepared.headers.map((header, column) => ({
        header,
        field: prepared.mapping.get(column)?.field ?? null,
        cycle: prepared.mapping.get(column)?.cycle ?? null,
        confidence: prepared.mapping.get(column)?.confidence ?? 0,
        samples: prepared.head
          .filter((r) => prepared.headerRow !== null && r.row > prepared.headerRow)
          .slice(0, 5)
          .map((r) => displayCell(r.cells[column] ?? null)),
      })),
      ratingWords: prepared.ratings.flatMap((r) =>
        r.words.length === 0
          ? []
          : [
              {
                field: r.field,
                header: r.headers.join(', '),
                words: r.words,
                blanks: r.blanks,
                scale: r.scale
                  ? { name: r.scale.name, min: r.scale.min, max: r.scale.max, labels: { ...r.scale.labels } }
                  : null,
                origin: r.origin,
              },
            ],
      ),
      dateFormat: prepared.dateFormat,
      profile: prepared.profile,
      rows,
      issues: [...prepared.mappingIssues, ...sheetNotes(prepared), ...validator.issues].slice(0, MAX_ISSUES),
    }
  } catch (error) {
    throw fileError(input.path, error)
  }
}

type CommitResult = MethodOutput<'import.commit'>

/**
 * Imports a file as one batch, in one transaction: rows are validated and written as they stream in, and any
 * invalid row (unless skipInvalid) rolls everything back, so the workspace is either the same as before or holds
 * the whole file. A dry run always rolls back. The same file imported again with the same mapping is a no-op.
 */
export async function commitImport(
  input: ParsedInput<'import.commit'>,
  context: ImportContext,
  job: JobHandle,
): Promise<CommitResult> {
  const { db } = context
  const sha256 = await sha256Of(input.path).catch(() => {
    throw new AppError('FILE_UNREADABLE', message('import.errors.notReadable', { file: input.path }), {
      file: input.path,
    })
  })
  const table = openTable(input.path, {
    delimiter: input.mapping.delimiter ?? null,
    encoding: input.mapping.encoding ?? null,
    spoolRoot: context.spoolRoot,
  })
  const summary: CommitResult = {
    batchId: null,
    kind: input.kind,
    file: table.fileName,
    sha256,
    rows: { total: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 },
    errors: [],
    warnings: [],
    unmatched: 0,
    outcome: 'rejected',
  }
  let prepared
  try {
    prepared = await prepareImport(
      table,
      tabularKindOf(input.kind),
      input.mapping,
      context.now.getUTCFullYear(),
      job.signal,
      (kind, headers) => findMappingProfile(db, kind, headers),
    )
  } catch (error) {
    throw fileError(input.path, error)
  }
  if (prepared.mappingIssues.length > 0) {
    await prepared.rest.return(undefined)
    summary.errors = prepared.mappingIssues
    return summary
  }

  // A batch is identified by the file and the mapping actually applied (a saved profile included), so the same
  // file read another way is not mistaken for a repeat.
  const applied = Object.fromEntries(
    [...prepared.mapping].map(([column, m]) => [
      prepared.headers[column] ?? column,
      m.cycle ? { field: m.field, cycle: m.cycle } : m.field,
    ]),
  )
  const mappingJson = JSON.stringify({
    ...input.mapping,
    applied,
    profile: prepared.profile,
    layout: layoutOf(prepared),
  })
  const previous = db
    .prepare(
      'SELECT id FROM import_batches WHERE sha256 = ? AND kind = ? AND mapping_json = ? AND undone_at IS NULL ORDER BY created_at DESC LIMIT 1',
    )
    .get(sha256, input.kind, mappingJson) as { id: string } | undefined
  if (previous && !input.dryRun) {
    await prepared.rest.return(undefined)
    summary.outcome = 'already-imported'
    summary.warnings.push({
      sheet: null,
      row: 0,
      column: null,
      value: null,
      code: 'ALREADY_IMPORTED',
      ...issueText(message('import.warnings.alreadyImported', { batch: previous.id })),
    })
    return summary
  }

  const batchId = randomUUID()
  const validator = new RowValidator(prepared.validator)
  const addIssue = (list: ImportIssueShape[], issue: ImportIssueShape): void => {
    if (list.length < MAX_ISSUES) list.push(issue)
  }
  const rollback = new Error('rollback')
  const batchHeader = {
    batchId,
    kind: input.kind,
    file: table.fileName,
    sha256,
    mappingJson,
    actor: context.actor,
    now: context.now,
  }
  try {
    await inLongTransaction(db, async (breathe) => {
      const { journal, writer } = startBatch(db, batchHeader, tabularKindOf(input.kind))
      const skillsBefore = (
        db.prepare('SELECT coalesce(max(id), 0) AS id FROM skills').get() as { id: number }
      ).id
      const headerRow = prepared.headerRow ?? 0
      const namedManagers = new NamedManagers()
      // A large batch of learning records goes on without the table's indexes (bulkLoad.ts), once it pays.
      const recordsBefore = writer.startBulkLoad
        ? (db.prepare('SELECT count(*) AS n FROM learning_records').get() as { n: number }).n
        : 0
      let bulkLoading = false
      const consume = async (
        rows: AsyncIterable<{ row: number; cells: Cell[] }> | Iterable<{ row: number; cells: Cell[] }>,
      ): Promise<void> => {
        for await (const source of rows) {
          if (source.row <= headerRow || source.cells.every(isBlank)) continue
          summary.rows.total++
          if (summary.rows.total % 500 === 0) {
            job.progress('Importing rows', summary.rows.total, null)
            await breathe()
            job.throwIfCancelled()
            if (!bulkLoading && writer.startBulkLoad && bulkLoadPays(summary.rows.inserted, recordsBefore)) {
              writer.startBulkLoad()
              bulkLoading = true
            }
          }
          const issuesBefore = validator.issues.length
          const records = validator.acceptRecords(source.row, source.cells)
          for (const issue of validator.issues.splice(issuesBefore)) addIssue(summary.errors, issue)
          if (!records) {
            summary.rows.rejected++
            continue
          }
          // A row with a rating per cycle holds one review per cycle, each counted as a row of the summary; a row
          // not rated at all counts as none.
          summary.rows.total += records.length - 1
          for (const valid of records) {
            const result = writer.write(valid)
            if (input.kind === 'people' && result.outcome !== 'rejected')
              namedManagers.note(valid.row, valid.values, result.outcome === 'inserted')
            switch (result.outcome) {
              case 'rejected':
                summary.rows.rejected++
                addIssue(summary.errors, {
                  sheet: prepared.sheet,
                  row: valid.row,
                  column: result.field,
                  value: null,
                  code: result.code,
                  message: result.message,
                  text: result.text,
                })
                break
              case 'unmatched':
                summary.unmatched++
                break
              case 'updated':
                summary.rows.updated++
                addIssue(summary.warnings, {
                  sheet: prepared.sheet,
                  row: valid.row,
                  column: null,
                  value: null,
                  code: 'UPDATED',
                  message: result.changes.join('; '),
                  text: message('import.warnings.changes', {
                    changes:
                      result.changes.length === 1 && result.changes[0] === SENSITIVE_CHANGED
                        ? message('import.warnings.sensitiveChanged')
                        : result.changes.join('; '),
                  }),
                })
                break
              default:
                summary.rows[result.outcome]++
            }
          }
        }
      }
      await consume(prepared.head)
      await consume(prepared.rest)
      // The indexes are back before anything reads the table again (closing completed actions, the next batch).
      writer.finishBulkLoad?.()
      for (const note of sheetNotes(prepared)) addIssue(summary.warnings, note)
      for (const [cycle, count] of validator.notRated)
        addIssue(summary.warnings, {
          sheet: prepared.sheet,
          row: 0,
          column: null,
          value: null,
          code: 'NOT_RATED',
          ...issueText(message('import.warnings.notRated', { count, n: String(count), cycle })),
        })
      if (input.kind === 'people' && !(summary.rows.rejected > 0 && !input.skipInvalid)) {
        // Managers named by the file are looked up once the whole file is in (reports come before managers).
        for (const issue of namedManagers.resolve(db, journal, prepared.sheet))
          addIssue(summary.warnings, issue)
        const linked = resolveUnmatched(db, journal, batchId)
        if (linked > 0) {
          addIssue(summary.warnings, {
            sheet: null,
            row: 0,
            column: null,
            value: null,
            code: 'LINKED_UNMATCHED',
            ...issueText(message('import.warnings.linked', { count: linked, n: String(linked) })),
          })
        }
      }
      if (summary.unmatched > 0) {
        addIssue(summary.warnings, {
          sheet: prepared.sheet,
          row: 0,
          column: null,
          value: null,
          code: 'UNMATCHED',
          ...issueText(
            message('import.warnings.unmatched', {
              count: summary.unmatched,
              n: String(summary.unmatched),
            }),
          ),
        })
      }
      if (input.kind === 'competencies') {
        for (const note of newSkillNotes(db, skillsBefore)) addIssue(summary.warnings, note)
      }
      if (input.kind === 'learning') {
        const closed = closeCompletedActions(db, journal, context.now, context.actor)
        if (closed > 0)
          addIssue(summary.warnings, {
            sheet: null,
            row: 0,
            column: null,
            value: null,
            code: 'ACTIONS_CLOSED',
            ...issueText(message('import.warnings.actionsClosed', { count: closed, n: String(closed) })),
          })
      }
      journal.flush()
      if (summary.rows.rejected > 0 && !input.skipInvalid) throw rollback
      if (input.dryRun) throw rollback
      if (summary.rows.updated > 0) context.beforeUpdatingCommit?.()
      closeBatchRecord(db, batchHeader, summary)
    })
  } catch (error) {
    if (error === rollback) {
      summary.outcome =
        input.dryRun && (summary.rows.rejected === 0 || input.skipInvalid) ? 'dry-run' : 'rejected'
      // Nothing was stored: a rejected import reports what was wrong, not what it would have written.
      if (summary.outcome === 'rejected')
        Object.assign(summary.rows, { inserted: 0, updated: 0, unchanged: 0 })
      return summary
    }
    throw fileError(input.path, error)
  } finally {
    // However the batch ended, stop the parse worker and remove its spool folder (a no-op once fully read).
    await prepared.rest.return(undefined)
  }
  summary.batchId = batchId
  summary.outcome = 'stored'
  return summary
}
