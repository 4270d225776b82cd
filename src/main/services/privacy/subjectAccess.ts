import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { message } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import { sensitiveNotice } from '../../export/sensitiveNotice'
import { writeXlsx, type CellValue, type SheetSpec } from '../../export/xlsxWriter'

/** Sheet names for the person-owned tables (a workbook's sheet names are at most 31 characters). */
const TITLES: Record<string, string> = {
  person_sensitive_attributes: 'Sensitive attributes',
  reviews: 'Reviews',
  competency_ratings: 'Competency ratings',
  learning_records: 'Learning records',
  survey_responses: 'Survey responses',
  calibration_members: 'Calibration sessions',
  calibration_moves: 'Calibration moves',
  calibration_notes: 'Calibration notes',
  calibration_flag_states: 'Calibration flags',
  readiness_overrides: 'Readiness overrides',
  talent_pool_members: 'Talent pools',
  outbox_actions: 'Learning actions',
}

function sheetOf(name: string, rows: Record<string, unknown>[], notice: string): SheetSpec {
  const columns = Object.keys(rows[0] ?? { none: null })
  return {
    name,
    preamble: [[notice]],
    columns: columns.map((c) => ({ header: c, width: Math.min(60, Math.max(12, c.length + 2)) })),
    rows: rows.map((r) =>
      columns.map((c): CellValue => {
        const v = r[c]
        return v === null || v === undefined || typeof v === 'number' || typeof v === 'string'
          ? (v ?? null)
          : String(v)
      }),
    ),
  }
}

/**
 * Everything the workspace holds about one person (GDPR art. 15): their row, every row of every table that belongs
 * to them (found through the schema, so a table added later is not forgotten), the xAPI statements about them and
 * the audit entries that name them.
 */
export async function exportSubjectAccess(
  db: WorkspaceDb,
  employeeId: string,
  path: string,
  asOf: string,
): Promise<number> {
  const person = db.prepare('SELECT * FROM people WHERE employee_id = ?').get(employeeId) as
    (Record<string, unknown> & { id: number; email: string | null; full_name: string | null }) | undefined
  if (!person) throw new AppError('NOT_FOUND', message('privacy.errors.noPerson', { employeeId }))
  const notice = sensitiveNotice(
    ['gender', 'birth year', 'ethnicity', 'work pattern', 'where recorded'],
    `everything Ninefold holds about ${person.full_name ?? employeeId} (${employeeId}), exported ${asOf} (GDPR art. 15). Keep it to the person and the data protection officer.`,
  )
  const owned = (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as {
      name: string
    }[]
  ).filter(
    (t) =>
      t.name !== 'people' &&
      (db.prepare('SELECT name FROM pragma_table_info(?)').all(t.name) as { name: string }[]).some(
        (c) => c.name === 'person_id',
      ),
  )
  const sheets: SheetSpec[] = [sheetOf('Person', [person], notice)]
  let rows = 1
  for (const { name } of owned) {
    const found = db.prepare(`SELECT * FROM "${name}" WHERE person_id = ?`).all(person.id) as Record<
      string,
      unknown
    >[]
    if (found.length === 0) continue
    rows += found.length
    sheets.push(sheetOf(TITLES[name] ?? name.slice(0, 31), found, notice))
  }
  const identifiers = [employeeId, person.email].filter((v): v is string => Boolean(v))
  const statements = identifiers.flatMap(
    (id) =>
      db
        .prepare(
          'SELECT statement_id, verb_id, timestamp, statement_json FROM xapi_statements WHERE instr(lower(learner), lower(?)) > 0',
        )
        .all(id) as Record<string, unknown>[],
  )
  if (statements.length > 0) {
    rows += statements.length
    sheets.push(sheetOf('xAPI statements', statements, notice))
  }
  const audit = db
    .prepare(
      `SELECT at, actor, action, entity_type, entity_id, before_json, after_json, reason FROM audit_log
       WHERE entity_id = @id OR instr(coalesce(before_json, ''), @id) > 0 OR instr(coalesce(after_json, ''), @id) > 0
       ORDER BY id`,
    )
    .all({ id: employeeId }) as Record<string, unknown>[]
  if (audit.length > 0) {
    rows += audit.length
    sheets.push(sheetOf('Audit log entries', audit, notice))
  }
  await writeXlsx(path, sheets)
  return rows
}
