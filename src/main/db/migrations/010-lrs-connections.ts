import type { Migration } from './types'

/**
 * Learning Record Store connections and the pulls made from them. The secret sits in this table, so it is only
 * ever on disk inside the encrypted workspace. The checkpoint is the newest `stored` time committed, written in
 * the same transaction as the page it came from, so an interrupted pull resumes exactly there.
 */
export const migration010: Migration = {
  version: 10,
  name: 'lrs connections',
  up: `
    CREATE TABLE lrs_connections (
      id           INTEGER PRIMARY KEY,
      name         TEXT NOT NULL UNIQUE,
      endpoint     TEXT NOT NULL,
      auth_key     TEXT NOT NULL,
      auth_secret  TEXT NOT NULL,
      filters_json TEXT NOT NULL DEFAULT '{}',
      checkpoint   TEXT,
      created_at   TEXT NOT NULL,
      created_by   TEXT NOT NULL
    ) STRICT;
    CREATE TABLE lrs_pulls (
      id             INTEGER PRIMARY KEY,
      connection_id  INTEGER NOT NULL REFERENCES lrs_connections (id) ON DELETE CASCADE,
      started_at     TEXT NOT NULL,
      finished_at    TEXT,
      outcome        TEXT NOT NULL DEFAULT 'running',
      since          TEXT,
      pages          INTEGER NOT NULL DEFAULT 0,
      received       INTEGER NOT NULL DEFAULT 0,
      stored         INTEGER NOT NULL DEFAULT 0,
      duplicates     INTEGER NOT NULL DEFAULT 0,
      conflicts      INTEGER NOT NULL DEFAULT 0,
      voided         INTEGER NOT NULL DEFAULT 0,
      unmatched      INTEGER NOT NULL DEFAULT 0,
      batch_id       TEXT,
      error_json     TEXT,
      actor          TEXT NOT NULL
    ) STRICT;
    CREATE INDEX lrs_pulls_connection ON lrs_pulls (connection_id, started_at);
    -- Voids are applied after each pull, from every voiding statement stored: found by verb.
    CREATE INDEX xapi_statements_verb ON xapi_statements (verb_id);
    -- … and whether each is applied: a lookup by voided_by, not a scan.
    CREATE INDEX xapi_statements_voided_by ON xapi_statements (voided_by) WHERE voided_by IS NOT NULL;
  `,
}
