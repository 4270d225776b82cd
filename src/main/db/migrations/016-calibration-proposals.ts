import type { Migration } from './types'

/**
 * Managers' proposals before the meeting (issue 19 §2): each import (a pre-read workbook sent back, or the cycle's
 * ratings taken as proposals) is one batch and one step of the session's undo history — numbered from the same
 * sequence as moves and setting changes, with the same states (0 active, 1 undone, 2 discarded by a later step).
 * The session's proposals are those of its newest active batch: importing again replaces them, and undo brings the
 * batch before back. A proposal is a box, and the levels when the manager gave words; who proposed it (their
 * employee ID when known, so it can sit beside a reviewer's leniency finding) and their comment, as written.
 */
export const migration016: Migration = {
  version: 16,
  name: 'calibration proposals',
  up: `
    CREATE TABLE calibration_proposal_batches (
      id          INTEGER PRIMARY KEY,
      session_id  TEXT NOT NULL REFERENCES calibration_sessions (id) ON DELETE CASCADE,
      step        INTEGER NOT NULL,
      source      TEXT NOT NULL CHECK (source IN ('workbook', 'ratings')),
      -- the workbook's file name (NULL when taken from the cycle's ratings)
      file        TEXT,
      proposals   INTEGER NOT NULL,
      actor       TEXT NOT NULL,
      at          TEXT NOT NULL,
      state       INTEGER NOT NULL DEFAULT 0 CHECK (state IN (0, 1, 2)),
      UNIQUE (session_id, step)
    ) STRICT;

    CREATE TABLE calibration_proposals (
      batch_id    INTEGER NOT NULL REFERENCES calibration_proposal_batches (id) ON DELETE CASCADE,
      person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      box         INTEGER NOT NULL CHECK (box BETWEEN 1 AND 9),
      performance TEXT CHECK (performance IN ('low', 'moderate', 'high')),
      potential   TEXT CHECK (potential IN ('low', 'moderate', 'high')),
      proposer_id TEXT,
      proposer    TEXT,
      comment     TEXT,
      PRIMARY KEY (batch_id, person_id)
    ) STRICT, WITHOUT ROWID;
  `,
}
