import { randomBytes } from 'node:crypto'
import type { MethodOutput } from '../../../shared/contract'
import { message } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import { personNameKey } from '../../../core/people/managerNames'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { appendAudit } from '../auditLog'

/** The tables whose rows belong to a person and go with them (by foreign key cascade or by hand). */
const OWNED_TABLES = [
  'reviews',
  'competency_ratings',
  'learning_records',
  'person_sensitive_attributes',
  'survey_responses',
  'calibration_members',
  'calibration_moves',
  'calibration_notes',
  'calibration_flag_states',
  'readiness_overrides',
  'talent_pool_members',
  'outbox_actions',
  'promotions',
] as const

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A whole-token match: `E1001` must not match inside `E10012`, nor a name inside a longer word. */
function tokenPattern(token: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_.@-])${escapeRegExp(token)}(?![\\p{L}\\p{N}_@-])`, 'giu')
}

interface Person {
  id: number
  employeeId: string
  fullName: string | null
  email: string | null
}

/**
 * Erases a person (GDPR article 17): every row about them goes, their finalized placements leave the snapshots,
 * and every remaining mention (the audit log, import journals and reports, notes about others, reviews they gave)
 * is pseudonymised, so the audit log keeps every entry and the history still adds up. Afterwards the WAL is
 * checkpointed and the file vacuumed, with secure_delete on, so no freed page keeps the old bytes.
 */
export function erasePerson(
  db: WorkspaceDb,
  input: { employeeId: string; reason: string },
  actor: string,
  now: Date,
): MethodOutput<'privacy.erase'> {
  const person = db
    .prepare(
      'SELECT id, employee_id AS employeeId, full_name AS fullName, email FROM people WHERE employee_id = ?',
    )
    .get(input.employeeId) as Person | undefined
  if (!person)
    throw new AppError('NOT_FOUND', message('privacy.errors.noPerson', { employeeId: input.employeeId }))
  if (input.reason.trim().length < 3)
    throw new AppError('INVALID_INPUT', message('privacy.errors.eraseReason'), {})
  const pseudonym = `ERASED-${randomBytes(4).toString('hex').toUpperCase()}`
  const removed: Record<string, number> = {}
  let pseudonymised = 0

  db.transaction(() => {
    for (const table of OWNED_TABLES)
      removed[table] = (
        db.prepare(`SELECT count(*) AS n FROM ${table} WHERE person_id = ?`).get(person.id) as { n: number }
      ).n
    forgetJournal(db, person.id)
    db.prepare('DELETE FROM survey_responses WHERE person_id = ?').run(person.id)
    removeFromSnapshots(db, person.employeeId)
    const identifiers = [person.employeeId, person.email].filter((v): v is string => Boolean(v))
    removed['unmatched_records'] = db
      .prepare(
        `DELETE FROM unmatched_records WHERE identifier COLLATE NOCASE IN (${identifiers.map(() => '?').join(', ')})`,
      )
      .run(...identifiers).changes
    removed['xapi_statements'] = identifiers.reduce(
      (n, id) =>
        n +
        db.prepare('DELETE FROM xapi_statements WHERE instr(lower(learner), lower(?)) > 0').run(id).changes,
      0,
    )
    db.prepare('UPDATE critical_roles SET incumbent = NULL WHERE incumbent = ?').run(person.employeeId)
    // Reports keep no trace of the manager: neither the link nor the name or email a file gave for them.
    removed['reports_unlinked'] = db
      .prepare(
        'UPDATE people SET manager_id = NULL, manager_name = NULL, manager_email = NULL WHERE manager_id = ?',
      )
      .run(person.employeeId).changes
    forgetNamedManager(db, person)
    db.prepare('DELETE FROM people WHERE id = ?').run(person.id)
    // The audit log accepts the pseudonym only through this window, open for this transaction alone.
    db.prepare('INSERT INTO privacy_erasure_window (pseudonym) VALUES (?)').run(pseudonym)
    pseudonymised = pseudonymiseEverywhere(db, person, pseudonym)
    db.prepare('DELETE FROM privacy_erasure_window').run()
    appendAudit(
      db,
      {
        actor,
        action: 'privacy.erase',
        entityType: 'person',
        entityId: pseudonym,
        after: { removed, pseudonymised },
        reason: input.reason.trim(),
      },
      now,
    )
  })()
  // Outside the transaction: nothing of the person may stay in the WAL or in a free page.
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.exec('VACUUM')
  db.pragma('wal_checkpoint(TRUNCATE)')
  return { pseudonym, removed, pseudonymised }
}

/**
 * Import journal entries that could bring the person back on undo (a deleted row to restore, a previous version of
 * their row) go; inserted ranges stay, since undoing them only deletes ids that are gone already.
 */
function forgetJournal(db: WorkspaceDb, personId: number): void {
  db.prepare(
    `DELETE FROM import_changes WHERE action <> 'insert' AND (
       (table_name = 'people' AND row_id = ?)
       OR (table_name <> 'people' AND json_valid(before_json) AND json_extract(before_json, '$.person_id') = ?)
       OR (table_name = 'person_sensitive_attributes' AND row_id = ?))`,
  ).run(personId, personId, personId)
}

/**
 * A report's manager still waiting to be found by name or email (two people shared the name, say) may be the
 * erased person: the name goes, so no later import can show or link it.
 */
function forgetNamedManager(db: WorkspaceDb, person: Person): void {
  const key = person.fullName === null ? null : personNameKey(person.fullName)
  const email = person.email?.trim().toLowerCase() ?? null
  const waiting = db
    .prepare(
      `SELECT id, manager_name AS name, manager_email AS email FROM people
       WHERE manager_id IS NULL AND (manager_name IS NOT NULL OR manager_email IS NOT NULL)`,
    )
    .all() as { id: number; name: string | null; email: string | null }[]
  const clear = db.prepare('UPDATE people SET manager_name = NULL, manager_email = NULL WHERE id = ?')
  for (const w of waiting)
    if (
      (key !== null && w.name !== null && personNameKey(w.name) === key) ||
      (email !== null && w.email?.trim().toLowerCase() === email)
    )
      clear.run(w.id)
}

/** A finalized session keeps its grid as it was, minus the erased person. */
function removeFromSnapshots(db: WorkspaceDb, employeeId: string): void {
  const sessions = db
    .prepare('SELECT id, finalized_json FROM calibration_sessions WHERE finalized_json IS NOT NULL')
    .all() as { id: string; finalized_json: string }[]
  const update = db.prepare('UPDATE calibration_sessions SET finalized_json = ? WHERE id = ?')
  for (const session of sessions) {
    const snapshot = JSON.parse(session.finalized_json) as {
      placements?: { employeeId: string }[]
      holding?: { employeeId: string }[]
      flagRecords?: Record<string, unknown>
    }
    const before = (snapshot.placements?.length ?? 0) + (snapshot.holding?.length ?? 0)
    snapshot.placements = snapshot.placements?.filter((p) => p.employeeId !== employeeId)
    snapshot.holding = snapshot.holding?.filter((p) => p.employeeId !== employeeId)
    if (snapshot.flagRecords) delete snapshot.flagRecords[employeeId]
    if ((snapshot.placements?.length ?? 0) + (snapshot.holding?.length ?? 0) !== before)
      update.run(JSON.stringify(snapshot), session.id)
  }
}

/**
 * Every text cell in the workspace that still names the person (by employee id, name or email) gets the
 * pseudonym instead: reviews they gave, ratings they made, notes about them, audit entries, import reports.
 */
function pseudonymiseEverywhere(db: WorkspaceDb, person: Person, pseudonym: string): number {
  const replacements: (readonly [RegExp, string])[] = [[tokenPattern(person.employeeId), pseudonym]]
  if (person.email)
    replacements.push([tokenPattern(person.email), `${pseudonym.toLowerCase()}@erased.invalid`])
  if (person.fullName) replacements.push([tokenPattern(person.fullName), pseudonym])
  const needles = [person.employeeId, person.email, person.fullName].filter((v): v is string => Boolean(v))
  const tables = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string; sql: string }[]
  let changed = 0
  for (const table of tables) {
    // Other people's rows are theirs: a colleague with the same name keeps it (the erased row is gone already).
    if (table.name === 'people' || table.name === 'privacy_erasure_window') continue
    const info = db.prepare('SELECT name, type, pk FROM pragma_table_info(?)').all(table.name) as {
      name: string
      type: string
      pk: number
    }[]
    // Rows are addressed by rowid, or by their primary key in a WITHOUT ROWID table.
    const key = /WITHOUT\s+ROWID/i.test(table.sql)
      ? info.filter((c) => c.pk > 0).map((c) => `"${c.name}"`)
      : ['rowid']
    const keyList = key.join(', ')
    for (const column of info.filter((c) => c.type.toUpperCase() === 'TEXT' || c.type === '')) {
      const where = needles.map(() => `instr(lower("${column.name}"), lower(?)) > 0`).join(' OR ')
      const rows = db
        .prepare(`SELECT ${keyList}, "${column.name}" AS value FROM "${table.name}" WHERE ${where}`)
        .raw()
        .all(...needles) as unknown[][]
      const update = db.prepare(
        `UPDATE "${table.name}" SET "${column.name}" = ? WHERE ${key.map((k) => `${k} = ?`).join(' AND ')}`,
      )
      for (const row of rows) {
        const value = row[row.length - 1] as string
        const next = replacements.reduce((text, [pattern, by]) => text.replace(pattern, by), value)
        if (next === value) continue
        update.run(next, ...row.slice(0, -1))
        changed++
      }
    }
  }
  return changed
}
