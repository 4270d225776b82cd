import type { FieldValue } from '../../core/import/parseValue'
import { message, type Message } from '../../shared/i18n/translate'
import type { ChangeJournal } from './journal'
import { jobLevelText } from '../../core/people/jobLevel'
import type { StatementSource } from './writers'

type Row = Record<string, unknown>
type Values = Record<string, FieldValue>

const text = (v: FieldValue | undefined): string | null => (typeof v === 'string' ? v : null)

/**
 * A "last promotion date" the file cannot mean: one before the person was hired, or one after the day of the import
 * (a promotion is recorded once it has happened). Refused with the row, before anything of it is written.
 */
export function implausiblePromotionDate(
  existing: Row | undefined,
  values: Values,
  importedOn: string | undefined,
): Message | null {
  const given = text(values['lastPromotionDate'])
  if (given === null) return null
  const hired = text(values['hireDate']) ?? (existing?.['hire_date'] as string | null | undefined) ?? null
  if (hired !== null && given < hired)
    return message('import.issues.promotionBeforeHire', { date: given, hired })
  if (importedOn !== undefined && given > importedOn)
    return message('import.issues.promotionInFuture', { date: given, today: importedOn })
  return null
}

interface Latest {
  id: number
  promotedOn: string
  toLevel: number | null
}

/**
 * Records a promotion when the file says one happened, and returns the change in words (null: nothing new).
 *
 * - The job level rose: a promotion from the stored level to the new one, dated by the file's last promotion date
 *   when that is newer than the last promotion stored (HRIS columns lag behind the level), else by the import day.
 * - The level did not rise but the file gives a last promotion date: a promotion on that date, unless it is the one
 *   stored already. When the latest stored promotion is to the level the person holds and was dated later (by the
 *   day of an earlier import), the file's date corrects it instead of adding a second one.
 * A level that went down is not a promotion, whatever date comes with it. Every write is journaled, so undo is exact.
 */
export function recordPromotion(
  db: StatementSource,
  journal: ChangeJournal,
  personId: () => number,
  existing: Row | undefined,
  values: Values,
  importedOn: string | undefined,
): string | null {
  const before = typeof existing?.['job_level'] === 'number' ? existing['job_level'] : null
  const after = typeof values['jobLevel'] === 'number' ? values['jobLevel'] : before
  if (before !== null && after !== null && after < before) return null
  const given = text(values['lastPromotionDate'])
  const rose = before !== null && after !== null && after > before
  // Most rows of a staff list neither rise nor date a promotion: they cost no query here.
  if (!rose && given === null) return null
  const latest = db
    .prepare(
      `SELECT id, promoted_on AS promotedOn, to_level AS toLevel FROM promotions
       WHERE person_id = ? ORDER BY promoted_on DESC LIMIT 1`,
    )
    .get(personId()) as Latest | undefined
  const insert = (on: string, from: number | null): string | null => {
    const added = db
      .prepare(
        'INSERT INTO promotions (person_id, promoted_on, from_level, to_level) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      )
      .run(personId(), on, from, after)
    if (added.changes === 0) return null
    journal.inserted('promotions', added.lastInsertRowid)
    // In the words of the file ("M3 → M4"); levels stored as numbers read as before ("2 → 3").
    const shown = (rank: number | null, label: unknown): string =>
      jobLevelText(rank, typeof label === 'string' ? label : null) ?? '∅'
    return `promoted: ${on}${
      from === null
        ? ''
        : ` (job level ${shown(from, existing?.['job_level_label'])} → ${shown(after, values['jobLevelLabel'])})`
    }`
  }

  if (rose) {
    const dated = given !== null && (latest === undefined || given > latest.promotedOn) ? given : importedOn
    return dated === undefined ? null : insert(dated, before)
  }
  if (given === null || given === latest?.promotedOn) return null
  if (latest === undefined || given > latest.promotedOn) return insert(given, null)
  if (latest.toLevel === after) {
    const taken = db
      .prepare('SELECT 1 FROM promotions WHERE person_id = ? AND promoted_on = ?')
      .get(personId(), given)
    if (taken) return null
    journal.updating('promotions', latest.id, { promoted_on: latest.promotedOn })
    db.prepare('UPDATE promotions SET promoted_on = ? WHERE id = ?').run(given, latest.id)
    return `promoted: ${latest.promotedOn} → ${given}`
  }
  return null
}
