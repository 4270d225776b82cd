import type { Migration } from './types'

/**
 * Review cycles, reviews, competency ratings and learning records: the evidence calibration reads. Levels are on
 * the shared 1–5 proficiency scale; a review keeps its own rating scale so 1–4 and 1–5 cycles can coexist.
 */
export const migration002: Migration = {
  version: 2,
  name: 'talent records: review cycles, reviews, skills, competency ratings, learning',
  up: `
    CREATE TABLE review_cycles (
      id        INTEGER PRIMARY KEY,
      name      TEXT NOT NULL UNIQUE,
      starts_on TEXT,
      ends_on   TEXT,
      scale_min REAL NOT NULL,
      scale_max REAL NOT NULL,
      CHECK (scale_max > scale_min)
    ) STRICT;

    CREATE TABLE reviews (
      id               INTEGER PRIMARY KEY,
      person_id        INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      cycle_id         INTEGER NOT NULL REFERENCES review_cycles (id),
      overall_rating   REAL NOT NULL,
      potential_rating REAL,
      reviewer_id      TEXT,
      review_date      TEXT,
      UNIQUE (person_id, cycle_id)
    ) STRICT;
    CREATE INDEX reviews_cycle ON reviews (cycle_id);

    CREATE TABLE skills (
      id   INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE
    ) STRICT;

    CREATE TABLE competency_ratings (
      id        INTEGER PRIMARY KEY,
      person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      cycle_id  INTEGER REFERENCES review_cycles (id),
      skill_id  INTEGER NOT NULL REFERENCES skills (id),
      level     INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
      source    TEXT NOT NULL CHECK (source IN ('self', 'manager', '360', 'assessment')),
      rated_by  TEXT,
      rated_at  TEXT
    ) STRICT;
    CREATE INDEX competency_ratings_person ON competency_ratings (person_id, skill_id);

    CREATE TABLE learning_items (
      id            INTEGER PRIMARY KEY,
      activity_id   TEXT NOT NULL UNIQUE,
      title         TEXT NOT NULL,
      activity_type TEXT NOT NULL
        CHECK (activity_type IN ('course', 'certification', 'assessment', 'program', 'informal')),
      provider      TEXT,
      mandatory     INTEGER NOT NULL DEFAULT 0 CHECK (mandatory IN (0, 1))
    ) STRICT;

    CREATE TABLE learning_records (
      id               INTEGER PRIMARY KEY,
      person_id        INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      item_id          INTEGER NOT NULL REFERENCES learning_items (id),
      status           TEXT NOT NULL CHECK (status IN
        ('enrolled', 'in_progress', 'completed', 'passed', 'failed', 'waived', 'withdrawn', 'no_show')),
      score            REAL,
      score_min        REAL,
      score_max        REAL,
      assigned_at      TEXT,
      due_at           TEXT,
      completed_at     TEXT,
      duration_minutes INTEGER,
      valid_until      TEXT,
      voluntary        INTEGER NOT NULL DEFAULT 0 CHECK (voluntary IN (0, 1))
    ) STRICT;
    CREATE INDEX learning_records_person ON learning_records (person_id);
    CREATE INDEX learning_records_item ON learning_records (item_id);
  `,
}
