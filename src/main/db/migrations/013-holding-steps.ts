import type { Migration } from './types'

/**
 * The holding area becomes a to-do list:
 * - A person the data could not place can be placed by hand, a move with no box to come from: `from_box` and
 *   `computed_box` of calibration_moves may be NULL (still 1–9 when given). SQLite cannot relax NOT NULL in place,
 *   so the table is rebuilt with the same rows and ids.
 * - Taking potential from another source re-places the whole session in one step of the same undo history as the
 *   moves: calibration_setting_steps keeps the settings before and after, numbered from the same step sequence.
 */
export const migration013: Migration = {
  version: 13,
  name: 'holding-steps',
  up: `
    CREATE TABLE calibration_moves_013 (
      id           INTEGER PRIMARY KEY,
      session_id   TEXT NOT NULL REFERENCES calibration_sessions (id) ON DELETE CASCADE,
      step         INTEGER NOT NULL,
      person_id    INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      -- NULL: placed by hand from the holding area (no box to come from, none computed)
      from_box     INTEGER CHECK (from_box BETWEEN 1 AND 9),
      to_box       INTEGER NOT NULL CHECK (to_box BETWEEN 1 AND 9),
      computed_box INTEGER CHECK (computed_box BETWEEN 1 AND 9),
      reason_code  TEXT NOT NULL,
      reason       TEXT NOT NULL,
      actor        TEXT NOT NULL,
      at           TEXT NOT NULL,
      -- 0 active, 1 undone (can be redone), 2 discarded by a later step
      state        INTEGER NOT NULL DEFAULT 0 CHECK (state IN (0, 1, 2))
    ) STRICT;
    INSERT INTO calibration_moves_013 SELECT id, session_id, step, person_id, from_box, to_box, computed_box,
      reason_code, reason, actor, at, state FROM calibration_moves;
    DROP TABLE calibration_moves;
    ALTER TABLE calibration_moves_013 RENAME TO calibration_moves;
    CREATE INDEX calibration_moves_session ON calibration_moves (session_id, step);

    CREATE TABLE calibration_setting_steps (
      id          INTEGER PRIMARY KEY,
      session_id  TEXT NOT NULL REFERENCES calibration_sessions (id) ON DELETE CASCADE,
      step        INTEGER NOT NULL,
      before_json TEXT NOT NULL,
      after_json  TEXT NOT NULL,
      actor       TEXT NOT NULL,
      at          TEXT NOT NULL,
      state       INTEGER NOT NULL DEFAULT 0 CHECK (state IN (0, 1, 2)),
      UNIQUE (session_id, step)
    ) STRICT;
  `,
}
