import type { Migration } from './types'

/**
 * Imports as batches that can be undone: every row a batch inserts or overwrites is journaled (with the row's
 * previous state) in the same transaction as the write, so undo is exact and a killed import leaves nothing.
 */
export const migration003: Migration = {
  version: 3,
  name: 'imports: batches, change journal, unmatched records, sensitive attributes, surveys, mapping profiles',
  up: `
    ALTER TABLE people ADD COLUMN employment_status TEXT;
    ALTER TABLE people ADD COLUMN exit_date TEXT;
    ALTER TABLE people ADD COLUMN cost_center TEXT;

    -- Kept apart from people and read only by the fairness audit: the purpose column says so on every row.
    CREATE TABLE person_sensitive_attributes (
      person_id    INTEGER PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
      gender       TEXT,
      birth_year   INTEGER,
      age_band     TEXT,
      ethnicity    TEXT,
      work_pattern TEXT,
      purpose      TEXT NOT NULL DEFAULT 'fairness-audit' CHECK (purpose = 'fairness-audit')
    ) STRICT;

    ALTER TABLE reviews ADD COLUMN goal_attainment REAL;
    -- An import looks a record up by person and item before writing it; this index also serves every lookup by
    -- person alone, so the person-only index goes (one index less to maintain per imported record).
    CREATE INDEX learning_records_person_item ON learning_records (person_id, item_id);
    DROP INDEX learning_records_person;

    CREATE TABLE survey_responses (
      id          INTEGER PRIMARY KEY,
      person_id   INTEGER REFERENCES people (id) ON DELETE SET NULL,
      activity_id TEXT,
      question    TEXT NOT NULL,
      score       REAL NOT NULL,
      text        TEXT,
      answered_at TEXT
    ) STRICT;

    CREATE TABLE import_batches (
      id            TEXT PRIMARY KEY,
      kind          TEXT NOT NULL,
      file_name     TEXT NOT NULL,
      sha256        TEXT NOT NULL,
      mapping_json  TEXT NOT NULL,
      total         INTEGER NOT NULL,
      inserted      INTEGER NOT NULL,
      updated       INTEGER NOT NULL,
      unchanged     INTEGER NOT NULL,
      rejected      INTEGER NOT NULL,
      unmatched     INTEGER NOT NULL,
      issues_json   TEXT NOT NULL,
      actor         TEXT NOT NULL,
      created_at    TEXT NOT NULL,
      undone_at     TEXT
    ) STRICT;
    CREATE INDEX import_batches_file ON import_batches (sha256, kind);

    CREATE TABLE import_changes (
      id          INTEGER PRIMARY KEY,
      batch_id    TEXT NOT NULL REFERENCES import_batches (id),
      table_name  TEXT NOT NULL,
      row_id      INTEGER NOT NULL,
      -- Inserts are journaled as ranges of consecutive row ids (a 1M-row import is a handful of entries).
      last_row_id INTEGER,
      action      TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
      before_json TEXT
    ) STRICT;
    CREATE INDEX import_changes_batch ON import_changes (batch_id);
    CREATE INDEX import_changes_row ON import_changes (table_name, row_id);

    -- Records whose person is not (yet) in the workspace: listed, never silently dropped.
    CREATE TABLE unmatched_records (
      id          INTEGER PRIMARY KEY,
      batch_id    TEXT NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
      kind        TEXT NOT NULL,
      identifier  TEXT NOT NULL,
      row         INTEGER NOT NULL,
      record_json TEXT NOT NULL,
      -- Set when a later people import brings the person in and the record is stored.
      resolved_batch_id TEXT REFERENCES import_batches (id)
    ) STRICT;
    CREATE INDEX unmatched_records_open ON unmatched_records (identifier) WHERE resolved_batch_id IS NULL;

    -- xAPI statements as received (minus nothing): the id decides duplicates and conflicts, voiding marks them.
    CREATE TABLE xapi_statements (
      statement_id   TEXT PRIMARY KEY,
      fingerprint    TEXT NOT NULL,
      verb_id        TEXT NOT NULL,
      learner        TEXT NOT NULL,
      timestamp      TEXT,
      voided_by      TEXT,
      statement_json TEXT NOT NULL
    ) STRICT;

    CREATE TABLE mapping_profiles (
      name         TEXT PRIMARY KEY,
      kind         TEXT NOT NULL,
      headers_key  TEXT NOT NULL,
      mapping_json TEXT NOT NULL,
      updated_at   TEXT NOT NULL
    ) STRICT;
    CREATE INDEX mapping_profiles_headers ON mapping_profiles (kind, headers_key);
  `,
}
