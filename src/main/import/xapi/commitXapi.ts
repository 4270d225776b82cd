import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import type { MethodOutput, ParsedInput } from '../../../shared/contract'
import { message, type Message } from '../../../shared/i18n/translate'
import { issueText, type ImportIssue } from '../../../core/import/validateRows'
import { expiryOf, isCompetencyObject } from '../../../core/xapi/competencyEvidence'
import { activityTitleOf, toLearningValues } from '../../../core/xapi/toLearningRecord'
import { inLongTransaction } from '../../db/longTransaction'
import type { JobHandle } from '../../services/jobs'
import type { ImportContext } from '../importService'
import { closeBatchRecord, startBatch } from '../batchRecord'
import type { ChangeJournal } from '../journal'
import type { RecordWriter } from '../writers'
import { readStatements, type ReadStatement } from './readStatements'
import { createStatementStore } from './statementStore'
import { closeCompletedActions } from '../../services/rules/outbox'
import { sha256Of } from '../fileHash'

type CommitResult = MethodOutput<'import.commit'>
const MAX_ISSUES = 1_000
const note = (code: string, text: Message, value: string | null = null): ImportIssue => ({
  sheet: null,
  row: 0,
  column: null,
  value,
  code,
  ...issueText(text),
})
/** A count in a sentence: `count` picks the plural form, `n` is the number as the English text always wrote it. */
const counted = (count: number): { count: number; n: string } => ({ count, n: String(count) })

/**
 * Imports xAPI statements as one batch. Invalid statements reject the file (or are skipped with skipInvalid);
 * a known id with the same content is a duplicate, with other content a conflict. Statements with a learning
 * outcome (completed, passed, failed …) become learning records for the person they name; voiding statements are
 * applied after the rest, in the same transaction, and recorded.
 */
export async function commitXapi(
  input: ParsedInput<'import.commit'>,
  context: ImportContext,
  job: JobHandle,
): Promise<CommitResult> {
  const { db } = context
  const summary: CommitResult = {
    batchId: null,
    kind: 'xapi',
    file: basename(input.path),
    sha256: await sha256Of(input.path),
    rows: { total: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 },
    errors: [],
    warnings: [],
    unmatched: 0,
    outcome: 'rejected',
  }
  const batchId = randomUUID()
  const batchHeader = {
    batchId,
    kind: 'xapi' as const,
    file: summary.file,
    sha256: summary.sha256,
    mappingJson: '{}',
    actor: context.actor,
    now: context.now,
  }
  // Each ends the transaction without keeping anything: a dry run, a file refused, a file already imported.
  const dryRun = new Error('dry run')
  const refused = new Error('refused')
  const nothingNew = new Error('nothing new')
  let readWarnings: ImportIssue[] = []
  try {
    await inLongTransaction(db, async (breathe) => {
      const { journal, writer } = startBatch(db, batchHeader, 'learning')
      const store = createStatementStore(db, journal, writer, batchId)
      // Statements are stored as they are read, so the file is never held whole. A known id is looked up among
      // what is stored, this file's earlier statements included; `positions` names the earlier one in a conflict.
      const stored = db.prepare('SELECT fingerprint FROM xapi_statements WHERE statement_id = ?')
      const positions = new Map<string, number>()
      const voiding: ReadStatement[] = []
      // Expiries wait for the whole file: an LRS lists the newest statements first, so a credential's expiry
      // usually comes before the statement that granted it.
      const expiring: ReadStatement[] = []
      const withoutLevel: number[] = []
      let conflicts = 0
      let read = 0
      const file = await readStatements(input.path, async (s) => {
        if (++read % 1_000 === 0) {
          job.progress('Importing statements', read, null)
          await breathe()
          job.throwIfCancelled()
        }
        const known = (stored.get(s.id) as { fingerprint: string } | undefined)?.fingerprint
        if (known === undefined) {
          positions.set(s.id, s.index)
          const storedAs = store(s)
          summary.rows.inserted++
          if (storedAs === 'voiding') voiding.push(s)
          else if (storedAs === 'expiring') expiring.push(s)
          else if (storedAs === 'no-level') withoutLevel.push(s.index)
          else if (storedAs === 'unmatched') summary.unmatched++
        } else if (known === s.fingerprint) {
          summary.rows.unchanged++
        } else {
          conflicts++
          if (conflicts <= MAX_ISSUES) summary.errors.push(conflict(s, positions.get(s.id)))
        }
      })
      readWarnings = file.warnings
      summary.rows.total = file.total
      summary.rows.rejected = file.invalid + conflicts
      // Problems in file order: invalid statements and conflicts, the first MAX_ISSUES of them.
      summary.errors = [...file.issues, ...summary.errors].sort((a, b) => a.row - b.row).slice(0, MAX_ISSUES)
      summary.warnings.push(...readWarnings)
      if (summary.rows.rejected > 0 && !input.skipInvalid) throw refused
      if (summary.rows.inserted === 0 && !input.dryRun) throw nothingNew
      const expired = applyExpiries(db, journal, writer, expiring)
      summary.unmatched += expired.unmatched
      if (expired.credentials > 0)
        summary.warnings.push(
          note('EXPIRED', message('import.statements.expired', counted(expired.credentials))),
        )
      if (expired.competencies > 0)
        summary.warnings.push(
          note(
            'COMPETENCY_EXPIRED',
            message('import.statements.competencyExpired', counted(expired.competencies)),
          ),
        )
      if (withoutLevel.length > 0)
        summary.warnings.push(
          note(
            'NO_LEVEL',
            message('import.statements.noLevel', {
              ...counted(withoutLevel.length),
              list: `${withoutLevel.slice(0, 5).join(', ')}${withoutLevel.length > 5 ? ', …' : ''}`,
            }),
          ),
        )
      const voided = applyVoiding(db, journal, voiding)
      if (voided.applied > 0)
        summary.warnings.push(note('VOIDED', message('import.statements.voided', counted(voided.applied))))
      for (const missing of voided.unknown)
        summary.warnings.push(
          note('VOID_TARGET_UNKNOWN', message('import.statements.voidUnknown', { target: missing }), missing),
        )
      if (summary.unmatched > 0) {
        summary.warnings.push(
          note('UNMATCHED', message('import.statements.unmatched', counted(summary.unmatched))),
        )
      }
      const closed = closeCompletedActions(db, journal, context.now, context.actor)
      if (closed > 0)
        summary.warnings.push(
          note('ACTIONS_CLOSED', message('import.warnings.actionsClosed', counted(closed))),
        )
      journal.flush()
      if (input.dryRun) throw dryRun
      closeBatchRecord(db, batchHeader, summary)
    })
  } catch (error) {
    if (error === dryRun) {
      summary.outcome = 'dry-run'
      return summary
    }
    // Nothing was kept: the counts say what the file holds, not what was stored and rolled back.
    summary.rows.inserted = 0
    summary.unmatched = 0
    summary.warnings = [...readWarnings]
    if (error === refused) return summary
    if (error === nothingNew) {
      summary.outcome = 'already-imported'
      summary.warnings.push(note('ALREADY_IMPORTED', message('import.statements.alreadyImported')))
      return summary
    }
    throw error
  }
  summary.batchId = batchId
  summary.outcome = 'stored'
  return summary
}

/** A statement whose id is known with other content: stored before, or used earlier in this file. */
function conflict(s: ReadStatement, earlier: number | undefined): ImportIssue {
  return {
    sheet: null,
    row: s.index,
    column: 'id',
    value: s.id,
    code: 'CONFLICT',
    ...issueText(
      earlier === undefined
        ? message('import.statements.conflictStored', { index: String(s.index), id: s.id })
        : message('import.statements.conflictUsed', {
            index: String(s.index),
            id: s.id,
            earlier: String(earlier),
          }),
    ),
  }
}

/**
 * Ends each expired credential on its expiry date: the learner's latest passed or completed record of the activity
 * gets that valid-until date (journaled); with no such record the expiry is stored as a record of its own, so a
 * later grid still sees the credential as expired.
 */
export function applyExpiries(
  db: ImportContext['db'],
  journal: ChangeJournal,
  writer: RecordWriter,
  expiring: ReadStatement[],
): { credentials: number; competencies: number; unmatched: number } {
  const counts = { credentials: 0, competencies: 0, unmatched: 0 }
  const latest = db.prepare(
    `SELECT lr.id, lr.valid_until FROM learning_records lr JOIN learning_items i ON i.id = lr.item_id JOIN people p ON p.id = lr.person_id
     WHERE i.activity_id = ? AND lr.status IN ('passed', 'completed') AND (p.employee_id = ? OR lower(p.email) = ?)
     ORDER BY lr.completed_at DESC LIMIT 1`,
  )
  for (const s of expiring) {
    if (isCompetencyObject(s.statement)) {
      counts.competencies++
      continue
    }
    const expiry = expiryOf(s.statement)
    const record = latest.get(expiry.activityId, expiry.employeeId, expiry.email) as
      { id: number; valid_until: string | null } | undefined
    if (record) {
      if (record.valid_until !== expiry.validUntil) {
        journal.updating('learning_records', record.id, { valid_until: record.valid_until })
        db.prepare('UPDATE learning_records SET valid_until = ? WHERE id = ?').run(
          expiry.validUntil,
          record.id,
        )
      }
      counts.credentials++
      continue
    }
    const values = {
      employeeId: expiry.employeeId,
      email: expiry.email,
      activityId: expiry.activityId,
      activityTitle: activityTitleOf(s.statement) ?? null,
      activityType: 'certification',
      provider: 'xAPI',
      status: 'passed',
      validUntil: expiry.validUntil,
      voluntary: false,
    }
    if (writer.write({ row: s.index, values }).outcome === 'unmatched') counts.unmatched++
    else counts.credentials++
  }
  return counts
}

/** Marks each target voided and removes the learning record it stood for (journaled, so undo restores both). */
export function applyVoiding(
  db: ImportContext['db'],
  journal: ChangeJournal,
  voiding: ReadStatement[],
): { applied: number; unknown: string[] } {
  let applied = 0
  const unknown: string[] = []
  for (const v of voiding) {
    const targetId = String((v.statement['object'] as Record<string, unknown>)['id']).toLowerCase()
    const target = db
      .prepare('SELECT rowid, statement_json, voided_by FROM xapi_statements WHERE statement_id = ?')
      .get(targetId) as { rowid: number; statement_json: string; voided_by: string | null } | undefined
    if (!target) {
      unknown.push(targetId)
      continue
    }
    if (target.voided_by) continue
    journal.updating('xapi_statements', target.rowid, { voided_by: null })
    db.prepare('UPDATE xapi_statements SET voided_by = ? WHERE rowid = ?').run(v.id, target.rowid)
    applied++
    const values = toLearningValues(JSON.parse(target.statement_json) as Record<string, unknown>)
    if (!values) continue
    const record = db
      .prepare(
        `SELECT lr.* FROM learning_records lr JOIN learning_items i ON i.id = lr.item_id JOIN people p ON p.id = lr.person_id
         WHERE i.activity_id = ? AND lr.status = ? AND lr.completed_at IS ? AND (p.employee_id = ? OR lower(p.email) = ?) LIMIT 1`,
      )
      .get(
        values['activityId'],
        values['status'],
        values['completedAt'],
        values['employeeId'],
        values['email'],
      ) as Record<string, unknown> | undefined
    if (record) {
      journal.deleting('learning_records', record['id'] as number, record)
      db.prepare('DELETE FROM learning_records WHERE id = ?').run(record['id'] as number)
    }
  }
  return { applied, unknown }
}
