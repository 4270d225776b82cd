import type { Migration } from './types'

/**
 * Promotions: a person's job-level history as far as the HRIS files tell it, so "were they promoted after the
 * programme?" can be asked. A row comes from an HRIS import (a level that rose since the last file, or a "last
 * promotion date" column) or from the demo; `from_level` is unknown when only the date was given. One row per
 * person and day: a second file saying the same promotion changes nothing (and that key is the index the
 * leading indicator's per-person lookup walks).
 */
export const migration011: Migration = {
  version: 11,
  name: 'promotions',
  up: `
    CREATE TABLE promotions (
      id          INTEGER PRIMARY KEY,
      person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      promoted_on TEXT NOT NULL,
      from_level  INTEGER,
      to_level    INTEGER,
      UNIQUE (person_id, promoted_on)
    ) STRICT;
  `,
}
