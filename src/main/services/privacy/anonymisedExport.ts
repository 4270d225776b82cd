import { createHmac, randomBytes } from 'node:crypto'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import { ageBandOf } from '../../../core/fairness/ageBand'
import { usesFieldFor, type PurposeField } from '../../../core/privacy/fieldPurposes'
import { readFieldPurposes } from './fieldPurposes'
import { sensitiveNotice } from '../../export/sensitiveNotice'
import { writeXlsx, type CellValue, type SheetSpec } from '../../export/xlsxWriter'
import { translator, type Locale, type MessageKey } from '../../../shared/i18n/translate'

const SALT_KEY = 'privacy.pseudonymSalt'

/**
 * A keyed hash of the employee id with a secret kept inside the (encrypted) workspace: the same person gets the same
 * pseudonym in every export, and nobody without the workspace can recompute it from a list of employee ids.
 */
function pseudonymiser(db: WorkspaceDb): (employeeId: string | null) => string | null {
  let row = db.prepare('SELECT value FROM workspace_meta WHERE key = ?').get(SALT_KEY) as
    { value: string } | undefined
  if (!row) {
    row = { value: randomBytes(32).toString('hex') }
    db.prepare('INSERT INTO workspace_meta (key, value) VALUES (?, ?)').run(SALT_KEY, row.value)
  }
  const salt = Buffer.from(row.value, 'hex')
  return (employeeId) =>
    employeeId === null
      ? null
      : `P-${createHmac('sha256', salt).update(employeeId).digest('hex').slice(0, 10).toUpperCase()}`
}

/** The banded special-category columns, as the notice row names them. */
const SENSITIVE_COLUMNS: Partial<Record<PurposeField, MessageKey>> = {
  age: 'privacy.export.anonymised.attributes.ageBand',
  workPattern: 'privacy.export.anonymised.attributes.workPattern',
}

const month = (iso: string | null): string | null => (iso === null ? null : iso.slice(0, 7))

/**
 * The workspace for analysis outside it: people under stable pseudonyms, names, emails and free text left out, hire
 * dates to the year, birth years to ten-year age bands, gender and ethnicity dropped, dates of records to the month.
 *
 * It is a dataset for analysts' tools, so its structure is machine-readable and the same in every language: sheet
 * names, column headers and coded values (`yes`/`no`, stored statuses and sources) stay English whatever `locale`
 * is. Only what a person reads, the notice row above each table, is in `locale`.
 */
export async function writeAnonymisedExport(
  db: WorkspaceDb,
  path: string,
  asOf: string,
  locale: Locale = 'en',
): Promise<number> {
  const t = translator(locale)
  const pseudonym = db.transaction(() => pseudonymiser(db))()
  let rows = 0
  const count = <T>(list: T[]): T[] => ((rows += list.length), list)
  const people = count(
    db
      .prepare(
        `SELECT p.employee_id AS id, p.manager_id AS manager, p.department, p.location, p.job_level AS level, p.job_level_label AS levelLabel,
                substr(p.hire_date, 1, 4) AS hired, s.birth_year AS birthYear, s.age_band AS ageBand, s.work_pattern AS pattern
         FROM people p LEFT JOIN person_sensitive_attributes s ON s.person_id = p.id ORDER BY p.id`,
      )
      .all() as {
      id: string
      manager: string | null
      department: string | null
      location: string | null
      level: number | null
      levelLabel: string | null
      hired: string | null
      birthYear: number | null
      ageBand: string | null
      pattern: string | null
    }[],
  )
  // Analysis serves development and the fairness audit: a field goes in only when tagged for one of them.
  const purposes = readFieldPurposes(db)
  const forAnalysis = (field: PurposeField): boolean =>
    usesFieldFor(purposes, field, 'development') || usesFieldFor(purposes, field, 'fairnessAudit')
  // Headers are English in every locale (see above): scripts find columns by these names.
  const allColumns: {
    header: string
    field?: PurposeField
    value: (p: (typeof people)[number]) => CellValue
  }[] = [
    { header: 'Person', value: (p) => pseudonym(p.id) },
    { header: 'Manager', field: 'manager', value: (p) => pseudonym(p.manager) },
    { header: 'Department', field: 'department', value: (p) => p.department },
    { header: 'Location', field: 'location', value: (p) => p.location },
    // As the file gave it ("PT5 - Principal"); a level stored as a number stays a number for scripts.
    { header: 'Job level', field: 'jobLevel', value: (p) => p.levelLabel ?? p.level },
    { header: 'Hired (year)', value: (p) => p.hired },
    { header: 'Age band', field: 'age', value: (p) => ageBandOf(p.birthYear, p.ageBand, asOf) },
    { header: 'Work pattern', field: 'workPattern', value: (p) => p.pattern },
  ]
  const peopleColumns = allColumns.filter((c) => c.field === undefined || forAnalysis(c.field))
  // Age bands and work patterns are still special-category data when generalised: the first row says so, in the
  // reader's language (in English, the lower-cased headers of those columns).
  const sensitive = peopleColumns.flatMap((c) => {
    const key = c.field === undefined ? undefined : SENSITIVE_COLUMNS[c.field]
    return key === undefined ? [] : [t.t(key)]
  })
  const notice: CellValue[][] = [
    [
      sensitive.length > 0
        ? sensitiveNotice(sensitive, t.t('privacy.export.anonymised.use', { asOf }), locale)
        : t.t('privacy.export.anonymised.notice', { asOf }),
    ],
  ]
  const sheets: SheetSpec[] = [
    {
      name: 'People',
      preamble: notice,
      columns: peopleColumns.map(({ header }) => ({ header, width: 16 })),
      rows: people.map((p): CellValue[] => peopleColumns.map((c) => c.value(p))),
    },
    {
      name: 'Reviews',
      preamble: notice,
      columns: ['Person', 'Cycle', 'Rating', 'Scale max', 'Potential', 'Reviewer'].map((header) => ({
        header,
        width: 16,
      })),
      rows: count(
        db
          .prepare(
            `SELECT p.employee_id AS id, c.name AS cycle, r.overall_rating AS rating, c.scale_max AS max,
                    r.potential_rating AS potential, r.reviewer_id AS reviewer
             FROM reviews r JOIN people p ON p.id = r.person_id JOIN review_cycles c ON c.id = r.cycle_id ORDER BY r.id`,
          )
          .all() as {
          id: string
          cycle: string
          rating: number
          max: number
          potential: number | null
          reviewer: string | null
        }[],
      ).map((r): CellValue[] => [
        pseudonym(r.id),
        r.cycle,
        r.rating,
        r.max,
        r.potential,
        pseudonym(r.reviewer),
      ]),
    },
    {
      name: 'Competency ratings',
      preamble: notice,
      columns: ['Person', 'Skill', 'Level', 'Source', 'Rated (month)'].map((header) => ({
        header,
        width: 16,
      })),
      rows: count(
        db
          .prepare(
            `SELECT p.employee_id AS id, s.name AS skill, cr.level, cr.source, cr.rated_at AS at FROM competency_ratings cr
             JOIN people p ON p.id = cr.person_id JOIN skills s ON s.id = cr.skill_id ORDER BY cr.id`,
          )
          .all() as { id: string; skill: string; level: number; source: string; at: string | null }[],
      ).map((r): CellValue[] => [pseudonym(r.id), r.skill, r.level, r.source, month(r.at)]),
    },
    {
      name: 'Learning',
      preamble: notice,
      columns: [
        'Person',
        'Item',
        'Type',
        'Mandatory',
        'Status',
        'Score',
        'Completed (month)',
        'Due (month)',
      ].map((header) => ({ header, width: 16 })),
      rows: count(
        db
          .prepare(
            `SELECT p.employee_id AS id, i.activity_id AS item, i.activity_type AS type, i.mandatory, lr.status, lr.score,
                    lr.completed_at AS completed, lr.due_at AS due
             FROM learning_records lr JOIN people p ON p.id = lr.person_id JOIN learning_items i ON i.id = lr.item_id
             ORDER BY lr.id`,
          )
          .all() as {
          id: string
          item: string
          type: string
          mandatory: number
          status: string
          score: number | null
          completed: string | null
          due: string | null
        }[],
      ).map((r): CellValue[] => [
        pseudonym(r.id),
        r.item,
        r.type,
        // A coded value of the dataset, English in every locale (see above).
        r.mandatory === 1 ? 'yes' : 'no',
        r.status,
        r.score,
        month(r.completed),
        month(r.due),
      ]),
    },
  ]
  // Promotions are job-level history: they go with the job level, to the month like every other record's date.
  if (forAnalysis('jobLevel'))
    sheets.push({
      name: 'Promotions',
      preamble: notice,
      columns: ['Person', 'Promoted (month)', 'From level', 'To level'].map((header) => ({
        header,
        width: 16,
      })),
      rows: count(
        db
          .prepare(
            `SELECT p.employee_id AS id, pr.promoted_on AS promoted, pr.from_level AS fromLevel, pr.to_level AS toLevel
             FROM promotions pr JOIN people p ON p.id = pr.person_id ORDER BY pr.id`,
          )
          .all() as { id: string; promoted: string; fromLevel: number | null; toLevel: number | null }[],
      ).map((r): CellValue[] => [pseudonym(r.id), month(r.promoted), r.fromLevel, r.toLevel]),
    })
  await writeXlsx(path, sheets)
  return rows
}
