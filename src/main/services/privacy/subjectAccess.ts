import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { message, translator, type Locale, type MessageKey } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import { sensitiveNotice } from '../../export/sensitiveNotice'
import { writeXlsx, type CellValue, type SheetSpec } from '../../export/xlsxWriter'

/** Sheet names for the person-owned tables (a workbook's sheet names are at most 31 characters, in every language). */
const TITLES: Record<string, MessageKey> = {
  person_sensitive_attributes: 'privacy.export.subjectAccess.sheet.sensitiveAttributes',
  reviews: 'privacy.export.subjectAccess.sheet.reviews',
  competency_ratings: 'privacy.export.subjectAccess.sheet.competencyRatings',
  learning_records: 'privacy.export.subjectAccess.sheet.learningRecords',
  survey_responses: 'privacy.export.subjectAccess.sheet.surveyResponses',
  calibration_members: 'privacy.export.subjectAccess.sheet.calibrationSessions',
  calibration_moves: 'privacy.export.subjectAccess.sheet.calibrationMoves',
  calibration_notes: 'privacy.export.subjectAccess.sheet.calibrationNotes',
  calibration_flag_states: 'privacy.export.subjectAccess.sheet.calibrationFlags',
  readiness_overrides: 'privacy.export.subjectAccess.sheet.readinessOverrides',
  talent_pool_members: 'privacy.export.subjectAccess.sheet.talentPools',
  outbox_actions: 'privacy.export.subjectAccess.sheet.learningActions',
  promotions: 'privacy.export.subjectAccess.sheet.promotions',
}

/** The attributes the notice names, in the order it names them. */
const NOTICE_ATTRIBUTES: readonly MessageKey[] = [
  'privacy.export.subjectAccess.attributes.gender',
  'privacy.export.subjectAccess.attributes.birthYear',
  'privacy.export.subjectAccess.attributes.ethnicity',
  'privacy.export.subjectAccess.attributes.workPattern',
  'privacy.export.subjectAccess.attributes.whereRecorded',
]

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
 * the audit entries that name them. Sheet names and the notice row are in `locale`; the column headers are the
 * workspace's own column names (found through the schema, like the tables) and every cell is the stored value, so
 * both stay as stored in every language.
 */
export async function exportSubjectAccess(
  db: WorkspaceDb,
  employeeId: string,
  path: string,
  asOf: string,
  locale: Locale = 'en',
): Promise<number> {
  const t = translator(locale)
  const person = db.prepare('SELECT * FROM people WHERE employee_id = ?').get(employeeId) as
    (Record<string, unknown> & { id: number; email: string | null; full_name: string | null }) | undefined
  if (!person) throw new AppError('NOT_FOUND', message('privacy.errors.noPerson', { employeeId }))
  const notice = sensitiveNotice(
    NOTICE_ATTRIBUTES.map((key) => t.t(key)),
    t.t('privacy.export.subjectAccess.use', { name: person.full_name ?? employeeId, employeeId, asOf }),
    locale,
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
  const titleOf = (table: string): string => {
    const key = TITLES[table]
    return key === undefined ? table.slice(0, 31) : t.t(key)
  }
  const sheets: SheetSpec[] = [sheetOf(t.t('privacy.export.subjectAccess.sheet.person'), [person], notice)]
  let rows = 1
  for (const { name } of owned) {
    const found = db.prepare(`SELECT * FROM "${name}" WHERE person_id = ?`).all(person.id) as Record<
      string,
      unknown
    >[]
    if (found.length === 0) continue
    rows += found.length
    sheets.push(sheetOf(titleOf(name), found, notice))
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
    sheets.push(sheetOf(t.t('privacy.export.subjectAccess.sheet.xapiStatements'), statements, notice))
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
    sheets.push(sheetOf(t.t('privacy.export.subjectAccess.sheet.auditLog'), audit, notice))
  }
  await writeXlsx(path, sheets)
  return rows
}
