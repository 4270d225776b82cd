import type { Migration } from './types'

/**
 * Roll-up sessions: a parent session calibrates the final boxes of finalized child sessions together.
 * - calibration_rollups: which sessions a parent rolls up. A child cannot be deleted from under its parent.
 * - calibration_rollup_starts: each parent member's starting box, the child's final box when the parent was made,
 *   and which child placed them. Kept apart from calibration_members so a plain session's members stay as they were.
 */
export const migration015: Migration = {
  version: 15,
  name: 'calibration roll-ups',
  up: `
    CREATE TABLE calibration_rollups (
      parent_id TEXT NOT NULL REFERENCES calibration_sessions (id) ON DELETE CASCADE,
      child_id  TEXT NOT NULL REFERENCES calibration_sessions (id) ON DELETE RESTRICT,
      PRIMARY KEY (parent_id, child_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX calibration_rollups_child ON calibration_rollups (child_id);

    CREATE TABLE calibration_rollup_starts (
      parent_id TEXT NOT NULL,
      person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      child_id  TEXT NOT NULL,
      start_box INTEGER NOT NULL CHECK (start_box BETWEEN 1 AND 9),
      PRIMARY KEY (parent_id, person_id),
      FOREIGN KEY (parent_id, child_id) REFERENCES calibration_rollups (parent_id, child_id) ON DELETE CASCADE
    ) STRICT, WITHOUT ROWID;
  `,
}
