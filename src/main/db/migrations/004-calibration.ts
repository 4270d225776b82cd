import type { Migration } from './types'

/**
 * Calibration sessions: who is in scope (fixed when the session starts, so the meeting discusses one list), the
 * manual moves as numbered steps (undo marks a step undone; a new move after undo discards the redo steps but keeps
 * them on record), flag acknowledgements, and the snapshot a finalized session is locked to.
 */
export const migration004: Migration = {
  version: 4,
  name: 'calibration: sessions, members, moves, notes, flag states',
  up: `
    CREATE TABLE calibration_sessions (
      id             TEXT PRIMARY KEY,
      name           TEXT NOT NULL,
      cycle_id       INTEGER NOT NULL REFERENCES review_cycles (id),
      scope_json     TEXT NOT NULL,
      facilitator    TEXT NOT NULL,
      status         TEXT NOT NULL CHECK (status IN ('draft', 'live', 'finalized', 'reopened')),
      settings_json  TEXT NOT NULL,
      blind          INTEGER NOT NULL DEFAULT 0 CHECK (blind IN (0, 1)),
      created_at     TEXT NOT NULL,
      finalized_json TEXT
    ) STRICT;

    CREATE TABLE calibration_members (
      session_id TEXT NOT NULL REFERENCES calibration_sessions (id) ON DELETE CASCADE,
      person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      discussed  INTEGER NOT NULL DEFAULT 0 CHECK (discussed IN (0, 1)),
      PRIMARY KEY (session_id, person_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE calibration_moves (
      id           INTEGER PRIMARY KEY,
      session_id   TEXT NOT NULL REFERENCES calibration_sessions (id) ON DELETE CASCADE,
      step         INTEGER NOT NULL,
      person_id    INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      from_box     INTEGER NOT NULL CHECK (from_box BETWEEN 1 AND 9),
      to_box       INTEGER NOT NULL CHECK (to_box BETWEEN 1 AND 9),
      computed_box INTEGER NOT NULL CHECK (computed_box BETWEEN 1 AND 9),
      reason_code  TEXT NOT NULL,
      reason       TEXT NOT NULL,
      actor        TEXT NOT NULL,
      at           TEXT NOT NULL,
      -- 0 active, 1 undone (can be redone), 2 discarded by a later move
      state        INTEGER NOT NULL DEFAULT 0 CHECK (state IN (0, 1, 2))
    ) STRICT;
    CREATE INDEX calibration_moves_session ON calibration_moves (session_id, step);

    -- Private notes about a person in a session (hidden in presenter mode); kept, never edited.
    CREATE TABLE calibration_notes (
      id         INTEGER PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES calibration_sessions (id) ON DELETE CASCADE,
      person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      text       TEXT NOT NULL,
      actor      TEXT NOT NULL,
      at         TEXT NOT NULL
    ) STRICT;
    CREATE INDEX calibration_notes_person ON calibration_notes (session_id, person_id);

    CREATE TABLE calibration_flag_states (
      session_id TEXT NOT NULL REFERENCES calibration_sessions (id) ON DELETE CASCADE,
      person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      code       TEXT NOT NULL,
      status     TEXT NOT NULL CHECK (status IN ('acknowledged', 'resolved')),
      note       TEXT NOT NULL,
      actor      TEXT NOT NULL,
      at         TEXT NOT NULL,
      PRIMARY KEY (session_id, person_id, code)
    ) STRICT, WITHOUT ROWID;
  `,
}
