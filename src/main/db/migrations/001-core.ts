import type { Migration } from './types'

/** Workspace identity, people, and the append-only audit log every later change writes to. */
export const migration001: Migration = {
  version: 1,
  name: 'core: workspace meta, people, audit log',
  up: `
    CREATE TABLE workspace_meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE people (
      id          INTEGER PRIMARY KEY,
      employee_id TEXT NOT NULL UNIQUE,
      -- Nullable: some HRIS exports (IBM's attrition file) carry only an employee number.
      full_name   TEXT,
      email       TEXT,
      -- No foreign key: HRIS exports list reports before their managers, and a dangling manager id is a data
      -- quality finding to report, not a reason to refuse the row.
      manager_id  TEXT,
      department  TEXT,
      location    TEXT,
      job_title   TEXT,
      job_level   INTEGER,
      hire_date   TEXT
    ) STRICT;
    -- One index per sortable column, in the collation the People list sorts by, with the employee id as the
    -- tie-breaker: a 200-row page of 100k people is then an index walk, not a sort.
    CREATE INDEX people_full_name ON people (full_name COLLATE NOCASE, employee_id);
    CREATE INDEX people_email ON people (email COLLATE NOCASE, employee_id);
    CREATE INDEX people_department ON people (department COLLATE NOCASE, employee_id);
    CREATE INDEX people_location ON people (location COLLATE NOCASE, employee_id);
    CREATE INDEX people_job_title ON people (job_title COLLATE NOCASE, employee_id);
    CREATE INDEX people_job_level ON people (job_level, employee_id);
    CREATE INDEX people_hire_date ON people (hire_date, employee_id);
    CREATE INDEX people_manager ON people (manager_id);

    CREATE TABLE audit_log (
      id          INTEGER PRIMARY KEY,
      at          TEXT NOT NULL,
      actor       TEXT NOT NULL,
      action      TEXT NOT NULL,
      entity_type TEXT NOT NULL,
      entity_id   TEXT,
      before_json TEXT,
      after_json  TEXT,
      reason      TEXT
    ) STRICT;
    CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
    CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  `,
}
