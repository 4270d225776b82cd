import { english, message, type Message } from '../../shared/i18n/translate'
import type { FieldValue } from '../../core/import/parseValue'
import type { TabularKind } from '../../core/import/fields'
import type { ValidatedRow } from '../../core/import/validateRows'
import type { WorkspaceDb } from '../db/openWorkspaceDb'
import { dropSecondaryIndexes, RecordKeys } from './bulkLoad'
import { ID_COLUMN, type ChangeJournal, type Table } from './journal'
import { matchSkill } from '../../core/skills/normalise'
import { ontologySkills } from '../services/succession/skillProfiles'
import { implausiblePromotionDate, recordPromotion } from './promotions'
import { jobLevelText, storedJobLevel } from '../../core/people/jobLevel'

export type WriteResult =
  | { outcome: 'inserted' | 'unchanged' | 'unmatched' }
  | { outcome: 'updated'; changes: string[] }
  | { outcome: 'rejected'; code: string; message: string; text: Message; field: string | null }

/** The one change shown for a person whose sensitive attributes changed (their values are not shown). */
export const SENSITIVE_CHANGED = english(message('import.warnings.sensitiveChanged'))

type Row = Record<string, unknown>
type Values = Record<string, FieldValue>

/** field → column, for the fields a kind writes to its main table. */
const PEOPLE: [string, string][] = [
  ['fullName', 'full_name'],
  ['email', 'email'],
  ['managerId', 'manager_id'],
  ['department', 'department'],
  ['location', 'location'],
  ['jobTitle', 'job_title'],
  ['jobLevel', 'job_level'],
  ['jobLevelLabel', 'job_level_label'],
  ['managerName', 'manager_name'],
  ['managerEmail', 'manager_email'],
  ['hireDate', 'hire_date'],
  ['employmentStatus', 'employment_status'],
  ['exitDate', 'exit_date'],
  ['costCenter', 'cost_center'],
]
const SENSITIVE: [string, string][] = [
  ['gender', 'gender'],
  ['birthYear', 'birth_year'],
  ['ageBand', 'age_band'],
  ['ethnicity', 'ethnicity'],
  ['workPattern', 'work_pattern'],
]
const COMPETENCY: [string, string][] = [
  ['level', 'level'],
  ['ratedBy', 'rated_by'],
  ['ratedAt', 'rated_at'],
]
const LEARNING: [string, string][] = [
  ['score', 'score'],
  ['scoreMin', 'score_min'],
  ['scoreMax', 'score_max'],
  ['assignedAt', 'assigned_at'],
  ['dueAt', 'due_at'],
  ['completedAt', 'completed_at'],
  ['durationMinutes', 'duration_minutes'],
  ['validUntil', 'valid_until'],
  ['voluntary', 'voluntary'],
]
const SURVEY: [string, string][] = [
  ['activityId', 'activity_id'],
  ['score', 'score'],
  ['text', 'text'],
  ['answeredAt', 'answered_at'],
]
const REVIEW: [string, string][] = [
  ['overallRating', 'overall_rating'],
  ['potentialRating', 'potential_rating'],
  ['reviewerId', 'reviewer_id'],
  ['reviewDate', 'review_date'],
  ['goalAttainment', 'goal_attainment'],
]

const NONE: ReadonlySet<string> = new Set()
/** What most rows of a large file come to: one answer, not a million of them. */
const INSERTED: WriteResult = Object.freeze({ outcome: 'inserted' })
const JOB_LEVEL_COLUMNS: ReadonlySet<string> = new Set(['jobLevel', 'jobLevelLabel'])

/**
 * A job level cell as its two columns: the rank (`jobLevel`) and the text as given (`jobLevelLabel`, null for a
 * bare number). Both are written together, so "IC" replacing 5 clears the rank and "5" replacing "PT5" the label.
 */
function withJobLevel(values: Values): Values {
  const given = values['jobLevel']
  if (given === undefined || given === null) return values
  const { rank, label } = storedJobLevel(String(given))
  return { ...values, jobLevel: rank, jobLevelLabel: label }
}

/** "jobLevel: 5 → 5; jobLevelLabel: ∅ → PT5" as the one change a person sees: "jobLevel: 5 → PT5". */
function jobLevelChange(changes: string[], existing: Row, values: Values): string[] {
  const isLevel = (c: string): boolean => c.startsWith('jobLevel: ') || c.startsWith('jobLevelLabel: ')
  if (!changes.some(isLevel)) return changes
  const before = jobLevelText(
    existing['job_level'] as number | null,
    existing['job_level_label'] as string | null,
  )
  const after = jobLevelText(values['jobLevel'] as number | null, values['jobLevelLabel'] as string | null)
  return [...changes.filter((c) => !isLevel(c)), `jobLevel: ${before ?? '∅'} → ${after ?? '∅'}`]
}

/**
 * A row that names its manager leaves the link to the end of the batch (see NamedManagers), which takes a manager
 * ID the row also gives when it names someone and the name otherwise: written here, the ID would be set and reset
 * by every import of the same file.
 */
function withoutNamedManagerId(values: Values): Values {
  const named = [values['managerName'], values['managerEmail']].some((v) => v !== undefined && v !== null)
  return named && values['managerId'] !== undefined ? { ...values, managerId: null } : values
}

const sqlValue = (v: FieldValue | undefined): string | number | null =>
  v === undefined || v === null ? null : typeof v === 'boolean' ? (v ? 1 : 0) : v

/**
 * Writes the mapped fields that have a value; a blank cell never erases what is stored (an export that leaves a
 * column empty is not saying the value is gone). Returns the changes as "field: before → after" for the report.
 */
export type StatementSource = Pick<WorkspaceDb, 'prepare'>

/** Imports run the same few statements hundreds of thousands of times: compile each once per batch. */
function cachingStatements(db: WorkspaceDb): StatementSource {
  const cache = new Map<string, ReturnType<WorkspaceDb['prepare']>>()
  return {
    prepare: ((sql: string) => {
      let statement = cache.get(sql)
      if (!statement) cache.set(sql, (statement = db.prepare(sql)))
      return statement
    }) as WorkspaceDb['prepare'],
  }
}

/**
 * The INSERT for these key columns and present fields, compiled once per combination: a million-row file used to
 * build (and look up) the same SQL text for every row. The fields present are a subset of `pairs`, named by a
 * bit mask of their positions.
 */
type Insert = { run(...params: unknown[]): { lastInsertRowid: number | bigint } }
/** The columns that identify a row of a table (constant arrays, so their INSERTs are cached by identity). */
const PEOPLE_KEY = ['employee_id'] as const
const SENSITIVE_KEY = ['person_id'] as const
const REVIEW_KEY = ['person_id', 'cycle_id'] as const
const COMPETENCY_KEY = ['person_id', 'skill_id', 'cycle_id', 'source'] as const
const LEARNING_KEY = ['person_id', 'item_id', 'status'] as const
const SURVEY_KEY = ['person_id', 'question'] as const
/** A row's key: its key columns and their values, in the same order. */
interface Keys {
  columns: readonly string[]
  values: unknown[]
}
const insertStatements = new WeakMap<
  StatementSource,
  WeakMap<[string, string][], WeakMap<readonly string[], Map<number, Insert>>>
>()
function insertStatement(
  db: StatementSource,
  table: Table,
  keyColumns: readonly string[],
  pairs: [string, string][],
  mask: number,
): Insert {
  let byPairs = insertStatements.get(db)
  if (!byPairs) insertStatements.set(db, (byPairs = new WeakMap()))
  let byKeys = byPairs.get(pairs)
  if (!byKeys) byPairs.set(pairs, (byKeys = new WeakMap()))
  let cache = byKeys.get(keyColumns)
  if (!cache) byKeys.set(keyColumns, (cache = new Map()))
  let statement = cache.get(mask)
  if (!statement) {
    const columns = [...keyColumns, ...pairs.filter((_, i) => mask & (1 << i)).map(([, c]) => c)]
    statement = db.prepare(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    ) as Insert
    cache.set(mask, statement)
  }
  return statement
}

function upsert(
  db: StatementSource,
  journal: ChangeJournal,
  table: Table,
  existing: Row | undefined,
  keys: Keys,
  pairs: [string, string][],
  values: Values,
  /** Fields written even when null: they were derived from a cell that had a value (a job level's rank or label). */
  explicit: ReadonlySet<string> = NONE,
  onInserted?: (id: number) => void,
): WriteResult {
  if (!existing) {
    // The fields that have a value, as a bit mask of their positions in `pairs` (the INSERT for them is compiled
    // once) and their values after the keys': the loop a million-row file runs a million times.
    const params = [...keys.values]
    let mask = 0
    for (let i = 0; i < pairs.length; i++) {
      const field = (pairs[i] as [string, string])[0]
      const value = values[field]
      if (value === undefined || (value === null && !explicit.has(field))) continue
      mask |= 1 << i
      params.push(sqlValue(value))
    }
    const id = insertStatement(db, table, keys.columns, pairs, mask).run(...params).lastInsertRowid
    journal.inserted(table, id)
    onInserted?.(Number(id))
    return INSERTED
  }
  const present = pairs.filter(
    ([field]) => values[field] !== undefined && (values[field] !== null || explicit.has(field)),
  )
  const changed = present.filter(([field, column]) => sqlValue(values[field]) !== existing[column])
  if (changed.length === 0) return { outcome: 'unchanged' }
  journal.updating(
    table,
    existing[ID_COLUMN[table]] as number,
    Object.fromEntries(changed.map(([, c]) => [c, existing[c]])),
  )
  db.prepare(
    `UPDATE ${table} SET ${changed.map(([, c]) => `${c} = ?`).join(', ')} WHERE ${ID_COLUMN[table]} = ?`,
  ).run(...changed.map(([f]) => sqlValue(values[f])), existing[ID_COLUMN[table]] as number)
  return {
    outcome: 'updated',
    changes: changed.map(([f, c]) => `${f}: ${String(existing[c] ?? '∅')} → ${String(values[f] ?? '∅')}`),
  }
}

export interface RecordWriter {
  write(row: ValidatedRow): WriteResult
  /**
   * Learning records only: from now on the table's secondary indexes are gone and duplicates are found in memory
   * (see bulkLoad.ts); `finishBulkLoad` builds the indexes again. Both inside the batch's transaction.
   */
  startBulkLoad?(): void
  finishBulkLoad?(): void
}

export function createWriter(
  kind: TabularKind,
  workspaceDb: WorkspaceDb,
  journal: ChangeJournal,
  recordUnmatched: (row: ValidatedRow, identifier: string) => void,
  /** The day the file is imported: when a person's job level rose and the file gives no promotion date. */
  importedOn?: string,
): RecordWriter {
  const db = cachingStatements(workspaceDb)
  const ids = new Map<string, number>()
  const personByEmployeeId = db.prepare('SELECT id FROM people WHERE employee_id = ?')
  const personByEmail = db.prepare('SELECT id FROM people WHERE lower(trim(email)) = ?')
  // People do not change during a batch's own record writes: look each one up once.
  const people = new Map<string, number | null>()
  const resolvePerson = (v: Values): number | null => {
    const cacheKey = `${String(v['employeeId'] ?? '')}\u0000${String(v['email'] ?? '')}`
    const cached = people.get(cacheKey)
    if (cached !== undefined) return cached
    const found = lookupPerson(v)
    people.set(cacheKey, found)
    return found
  }
  const lookupPerson = (v: Values): number | null => {
    const byId =
      typeof v['employeeId'] === 'string'
        ? (personByEmployeeId.get(v['employeeId']) as { id: number } | undefined)
        : undefined
    if (byId) return byId.id
    const byEmail =
      typeof v['email'] === 'string'
        ? (personByEmail.get(v['email'].toLowerCase()) as { id: number } | undefined)
        : undefined
    return byEmail?.id ?? null
  }
  const getOrCreate = (
    table: 'skills' | 'learning_items',
    keyColumn: string,
    key: string,
    /** The new row's other columns: asked for only when the row is created. */
    extraOf: () => Row,
  ): number => {
    const cached = ids.get(`${table}\u0000${key}`)
    if (cached !== undefined) return cached
    const extra = extraOf()
    const found = db.prepare(`SELECT id FROM ${table} WHERE ${keyColumn} = ?`).get(key) as
      { id: number } | undefined
    if (found) {
      ids.set(`${table}\u0000${key}`, found.id)
      return found.id
    }
    const columns = [keyColumn, ...Object.keys(extra)]
    const id = db
      .prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
      .run(key, ...Object.values(extra)).lastInsertRowid
    journal.inserted(table, id)
    ids.set(`${table}\u0000${key}`, Number(id))
    return Number(id)
  }
  const cycleId = (name: string, min: number, max: number): number | { conflict: Message } => {
    const found = db
      .prepare('SELECT id, scale_min, scale_max FROM review_cycles WHERE name = ?')
      .get(name) as { id: number; scale_min: number; scale_max: number } | undefined
    if (!found) {
      const id = db
        .prepare('INSERT INTO review_cycles (name, scale_min, scale_max) VALUES (?, ?, ?)')
        .run(name, min, max).lastInsertRowid
      journal.inserted('review_cycles', id)
      return Number(id)
    }
    if (found.scale_min !== min || found.scale_max !== max) {
      return {
        conflict: message('import.issues.scaleConflict', {
          cycle: name,
          stored: `${found.scale_min}–${found.scale_max}`,
          given: `${min}–${max}`,
        }),
      }
    }
    return found.id
  }
  const identifier = (v: Values): string => String(v['employeeId'] ?? v['email'] ?? '')
  // Skill names from files go through the ontology first: a name, an alias, or the same name with case, spaces and
  // punctuation ignored. Anything else becomes a new skill, which the import then reports with similar ones.
  let ontology: ReturnType<typeof ontologySkills> | null = null
  const ontologySkillId = (name: string): number | null => {
    ontology ??= ontologySkills(workspaceDb)
    const match = matchSkill(name, ontology)
    return match.kind === 'unknown' ? null : match.skillId
  }

  switch (kind) {
    case 'people':
      return {
        write: ({ values: given }) => {
          const values = withJobLevel(withoutNamedManagerId(given))
          const existing = db
            .prepare('SELECT * FROM people WHERE employee_id = ?')
            .get(values['employeeId']) as Row | undefined
          // Checked before anything is written: a refused row leaves no trace.
          const implausible = implausiblePromotionDate(existing, values, importedOn)
          if (implausible)
            return {
              outcome: 'rejected',
              code: 'IMPLAUSIBLE_DATE',
              message: english(implausible),
              text: implausible,
              field: 'lastPromotionDate',
            }
          const upserted = upsert(
            db,
            journal,
            'people',
            existing,
            { columns: PEOPLE_KEY, values: [values['employeeId']] },
            PEOPLE,
            values,
            given['jobLevel'] === undefined || given['jobLevel'] === null ? NONE : JOB_LEVEL_COLUMNS,
          )
          const person: WriteResult =
            upserted.outcome === 'updated' && existing
              ? { outcome: 'updated', changes: jobLevelChange(upserted.changes, existing, values) }
              : upserted
          // A new person's id is looked up only if a promotion or sensitive attributes need it.
          let id = existing?.['id'] as number | undefined
          const personId = (): number =>
            (id ??= (personByEmployeeId.get(values['employeeId']) as { id: number }).id)
          const promotion = recordPromotion(db, journal, personId, existing, values, importedOn)
          const result: WriteResult =
            promotion === null || person.outcome === 'inserted'
              ? person
              : {
                  outcome: 'updated',
                  changes: [...(person.outcome === 'updated' ? person.changes : []), promotion],
                }
          if (!SENSITIVE.some(([f]) => values[f] !== undefined && values[f] !== null)) return result
          const sensitive = db
            .prepare('SELECT * FROM person_sensitive_attributes WHERE person_id = ?')
            .get(personId()) as Row | undefined
          const second = upsert(
            db,
            journal,
            'person_sensitive_attributes',
            sensitive,
            { columns: SENSITIVE_KEY, values: [personId()] },
            SENSITIVE,
            values,
          )
          if (result.outcome === 'unchanged' && second.outcome === 'updated')
            return { outcome: 'updated', changes: [SENSITIVE_CHANGED] }
          return result
        },
      }
    case 'reviews':
      return {
        write: (row) => {
          const v = row.values
          const personId = resolvePerson(v)
          if (personId === null) return (recordUnmatched(row, identifier(v)), { outcome: 'unmatched' })
          const cycle = cycleId(String(v['cycle']), Number(v['ratingScaleMin']), Number(v['ratingScaleMax']))
          if (typeof cycle === 'object')
            return {
              outcome: 'rejected',
              code: 'SCALE_CONFLICT',
              message: english(cycle.conflict),
              text: cycle.conflict,
              field: 'overallRating',
            }
          const existing = db
            .prepare('SELECT * FROM reviews WHERE person_id = ? AND cycle_id = ?')
            .get(personId, cycle) as Row | undefined
          return upsert(
            db,
            journal,
            'reviews',
            existing,
            { columns: REVIEW_KEY, values: [personId, cycle] },
            REVIEW,
            v,
          )
        },
      }
    case 'competencies':
      return {
        write: (row) => {
          const v = row.values
          const personId = resolvePerson(v)
          if (personId === null) return (recordUnmatched(row, identifier(v)), { outcome: 'unmatched' })
          const skillId =
            ontologySkillId(String(v['skill'])) ??
            getOrCreate('skills', 'name', String(v['skill']), () => ({}))
          const cycle = v['cycle'] == null ? null : cycleId(String(v['cycle']), 1, 5)
          if (typeof cycle === 'object' && cycle !== null)
            return {
              outcome: 'rejected',
              code: 'SCALE_CONFLICT',
              message: english(cycle.conflict),
              text: cycle.conflict,
              field: 'cycle',
            }
          const existing = db
            .prepare(
              'SELECT * FROM competency_ratings WHERE person_id = ? AND skill_id = ? AND cycle_id IS ? AND source = ?',
            )
            .get(personId, skillId, cycle, v['source']) as Row | undefined
          return upsert(
            db,
            journal,
            'competency_ratings',
            existing,
            { columns: COMPETENCY_KEY, values: [personId, skillId, cycle, v['source']] },
            COMPETENCY,
            v,
          )
        },
      }
    case 'learning': {
      let bulk: { keys: RecordKeys; indexes: { rebuild(): void } } | null = null
      /** Activity ID → item id, for the rows after the first of each course (getOrCreate's own cache, minus a key string). */
      const items = new Map<string, number>()
      const existingRecord = db.prepare(
        'SELECT * FROM learning_records WHERE person_id = ? AND item_id = ? AND status = ? AND completed_at IS ? AND assigned_at IS ?',
      )
      return {
        startBulkLoad: () => {
          if (bulk) return
          const indexes = dropSecondaryIndexes(workspaceDb, 'learning_records')
          bulk = { keys: new RecordKeys(workspaceDb), indexes }
        },
        finishBulkLoad: () => {
          bulk?.indexes.rebuild()
          bulk = null
        },
        write: (row) => {
          const v = row.values
          const personId = resolvePerson(v)
          if (personId === null) return (recordUnmatched(row, identifier(v)), { outcome: 'unmatched' })
          const activityId = String(v['activityId'])
          let itemId = items.get(activityId)
          if (itemId === undefined)
            items.set(
              activityId,
              (itemId = getOrCreate('learning_items', 'activity_id', activityId, () => ({
                title: v['activityTitle'] ?? v['activityId'],
                activity_type: v['activityType'] ?? (v['validUntil'] != null ? 'certification' : 'course'),
                provider: v['provider'] ?? null,
                mandatory: v['mandatory'] === true ? 1 : 0,
              }))),
            )
          // The same person, item, outcome and date is the same record, whichever file it came from.
          const key = [
            personId,
            itemId,
            v['status'],
            v['completedAt'] ?? null,
            v['assignedAt'] ?? null,
          ] as const
          const keys = bulk?.keys
          const existing = keys ? keys.find(key) : (existingRecord.get(...key) as Row | undefined)
          return upsert(
            db,
            journal,
            'learning_records',
            existing,
            { columns: LEARNING_KEY, values: [personId, itemId, v['status']] },
            LEARNING,
            v,
            NONE,
            keys && ((id) => keys.add(key, id)),
          )
        },
      }
    }
    case 'surveys':
      return {
        write: (row) => {
          const v = row.values
          const personId = v['employeeId'] == null ? null : resolvePerson(v)
          if (v['employeeId'] != null && personId === null)
            return (recordUnmatched(row, identifier(v)), { outcome: 'unmatched' })
          return upsert(
            db,
            journal,
            'survey_responses',
            undefined,
            { columns: SURVEY_KEY, values: [personId, v['question']] },
            SURVEY,
            v,
          )
        },
      }
  }
}

/** A writer for an import batch: records for people not in the workspace are kept as the batch's unmatched records. */
export function createBatchWriter(
  kind: TabularKind,
  db: WorkspaceDb,
  journal: ChangeJournal,
  batchId: string,
  importedOn?: string,
): RecordWriter {
  const unmatched = db.prepare(
    'INSERT INTO unmatched_records (batch_id, kind, identifier, row, record_json) VALUES (?, ?, ?, ?, ?)',
  )
  return createWriter(
    kind,
    db,
    journal,
    (row, identifier) => {
      unmatched.run(batchId, kind, identifier, row.row, JSON.stringify(row.values))
    },
    importedOn,
  )
}
