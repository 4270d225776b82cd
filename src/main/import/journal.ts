import type { WorkspaceDb } from '../db/openWorkspaceDb'

export type Table =
  | 'people'
  | 'person_sensitive_attributes'
  | 'review_cycles'
  | 'reviews'
  | 'skills'
  | 'competency_ratings'
  | 'learning_items'
  | 'learning_records'
  | 'survey_responses'
  | 'unmatched_records'
  | 'xapi_statements'
  | 'outbox_actions'
  | 'promotions'

/**
 * Records every row a batch inserts or overwrites, in the batch's own transaction: undo replays the journal
 * backwards, so it is exact however the rows changed. Consecutive inserts into a table are kept as one range
 * (SQLite hands out rising row ids within our transaction), so the journal stays small on large imports;
 * call `flush()` before the batch commits.
 */
export class ChangeJournal {
  private readonly insert
  private readonly ranges = new Map<Table, { first: number; last: number }>()

  constructor(
    db: WorkspaceDb,
    private readonly batchId: string,
  ) {
    this.insert = db.prepare(
      'INSERT INTO import_changes (batch_id, table_name, row_id, last_row_id, action, before_json) VALUES (?, ?, ?, ?, ?, ?)',
    )
  }

  inserted(table: Table, rowId: number | bigint): void {
    const id = Number(rowId)
    const range = this.ranges.get(table)
    if (range && id === range.last + 1) {
      range.last = id
      return
    }
    if (range) this.writeRange(table, range)
    this.ranges.set(table, { first: id, last: id })
  }

  /** Call before the UPDATE, with the row as it is now. */
  updating(table: Table, rowId: number, before: Record<string, unknown>): void {
    // Pending insert ranges go first, so the journal keeps the real order of changes for undo to reverse.
    this.flush()
    this.insert.run(this.batchId, table, rowId, null, 'update', JSON.stringify(before))
  }

  /** Call before the DELETE, with the whole row (undo puts it back as it was, id included). */
  deleting(table: Table, rowId: number, row: Record<string, unknown>): void {
    this.flush()
    this.insert.run(this.batchId, table, rowId, null, 'delete', JSON.stringify(row))
  }

  flush(): void {
    for (const [table, range] of this.ranges) this.writeRange(table, range)
    this.ranges.clear()
  }

  private writeRange(table: Table, range: { first: number; last: number }): void {
    this.insert.run(this.batchId, table, range.first, range.last, 'insert', null)
  }
}

/** Only these tables and columns are ever written back by undo, so a journal entry can never address others. */
export const JOURNALED_COLUMNS: Record<Table, readonly string[]> = {
  people: [
    'employee_id',
    'full_name',
    'email',
    'manager_id',
    'department',
    'location',
    'job_title',
    'job_level',
    'job_level_label',
    'manager_name',
    'manager_email',
    'hire_date',
    'employment_status',
    'exit_date',
    'cost_center',
  ],
  person_sensitive_attributes: ['gender', 'birth_year', 'age_band', 'ethnicity', 'work_pattern'],
  review_cycles: ['name', 'scale_min', 'scale_max'],
  reviews: ['overall_rating', 'potential_rating', 'reviewer_id', 'review_date', 'goal_attainment'],
  skills: ['name'],
  competency_ratings: ['level', 'rated_by', 'rated_at'],
  learning_items: ['title', 'activity_type', 'provider', 'mandatory'],
  learning_records: [
    'status',
    'score',
    'score_min',
    'score_max',
    'assigned_at',
    'due_at',
    'completed_at',
    'duration_minutes',
    'valid_until',
    'voluntary',
  ],
  survey_responses: ['score', 'text', 'answered_at'],
  unmatched_records: ['resolved_batch_id'],
  xapi_statements: ['voided_by'],
  outbox_actions: ['status', 'closed_at', 'closed_by'],
  promotions: ['promoted_on', 'from_level', 'to_level'],
}

/** The primary key of each journaled table (sensitive attributes are keyed by their person). */
export const ID_COLUMN: Record<Table, string> = {
  people: 'id',
  person_sensitive_attributes: 'person_id',
  review_cycles: 'id',
  reviews: 'id',
  skills: 'id',
  competency_ratings: 'id',
  learning_items: 'id',
  learning_records: 'id',
  survey_responses: 'id',
  unmatched_records: 'id',
  xapi_statements: 'rowid',
  outbox_actions: 'id',
  promotions: 'id',
}
