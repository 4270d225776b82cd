import type { MethodOutput, ParsedInput } from '../../../shared/contract'
import { plainEnglish } from '../../../core/fairness/text'
import { message } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { appendAudit } from '../auditLog'

type Kind = ParsedInput<'privacy.retentionPreview'>['kind']

/** Each record kind, its table and the date that says how old a record is. */
const KINDS: Record<Kind, { table: string; date: string }> = {
  learning: { table: 'learning_records', date: 'coalesce(completed_at, due_at, assigned_at)' },
  reviews: { table: 'reviews', date: 'review_date' },
  competencies: { table: 'competency_ratings', date: 'rated_at' },
  surveys: { table: 'survey_responses', date: 'answered_at' },
  xapi: { table: 'xapi_statements', date: 'substr(timestamp, 1, 10)' },
}

const settingKey = (kind: Kind): string => `retention.${kind}.years`

function cutoff(asOf: string, years: number): string {
  return `${Number(asOf.slice(0, 4)) - years}${asOf.slice(4)}`
}

/** What a retention rule would remove today: how many records, the oldest, and the cut-off date. */
export function retentionPreview(
  db: WorkspaceDb,
  input: ParsedInput<'privacy.retentionPreview'>,
  asOf: string,
): MethodOutput<'privacy.retentionPreview'> {
  const { table, date } = KINDS[input.kind]
  const stored = db.prepare('SELECT value FROM workspace_meta WHERE key = ?').get(settingKey(input.kind)) as
    { value: string } | undefined
  const years = input.olderThanYears ?? (stored ? Number(stored.value) : null)
  if (years === null) {
    const summaryText = message('privacy.retention.none', {
      kind: message(`privacy.retention.kindInText.${input.kind}`),
    })
    return {
      kind: input.kind,
      years: null,
      before: null,
      records: 0,
      oldest: null,
      summary: plainEnglish(summaryText),
      summaryText,
    }
  }
  const before = cutoff(asOf, years)
  const found = db
    .prepare(`SELECT count(*) AS n, min(${date}) AS oldest FROM ${table} WHERE ${date} < ?`)
    .get(before) as { n: number; oldest: string | null }
  const summaryText = message('privacy.retention.summary', {
    records: message(`privacy.retention.count.${input.kind}`, { count: found.n, n: found.n }),
    before,
    years: message('privacy.retention.years', { count: years }),
    oldest: found.oldest ? message('privacy.retention.oldest', { date: found.oldest }) : '',
  })
  return {
    kind: input.kind,
    years,
    before,
    records: found.n,
    oldest: found.oldest,
    summary: plainEnglish(summaryText),
    summaryText,
  }
}

/**
 * Sets a kind's retention period and removes what is older, in one transaction that the audit log records
 * (counts and cut-off, never the records), then compacts the file so nothing removed stays in it.
 */
export function applyRetention(
  db: WorkspaceDb,
  input: ParsedInput<'privacy.retentionPurge'>,
  actor: string,
  now: Date,
): MethodOutput<'privacy.retentionPurge'> {
  const asOf = now.toISOString().slice(0, 10)
  const preview = retentionPreview(db, { kind: input.kind, olderThanYears: input.olderThanYears }, asOf)
  if (preview.before === null) throw new AppError('INVALID_INPUT', preview.summaryText)
  const { table, date } = KINDS[input.kind]
  const removed = db.transaction(() => {
    db.prepare(
      'INSERT INTO workspace_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(settingKey(input.kind), String(input.olderThanYears))
    const n = db.prepare(`DELETE FROM ${table} WHERE ${date} < ?`).run(preview.before).changes
    appendAudit(
      db,
      {
        actor,
        action: 'privacy.retention',
        entityType: table,
        after: { olderThanYears: input.olderThanYears, before: preview.before, removed: n },
        reason: input.reason,
      },
      now,
    )
    return n
  })()
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.exec('VACUUM')
  return { ...preview, removed }
}
