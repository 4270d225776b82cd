import type { Migration } from './types'

/**
 * The skills ontology (categories, aliases, retired skills, reversible merges, learning items mapped to the skill
 * level they evidence) and succession (critical roles with required skills, readiness overrides, talent pools).
 */
export const migration005: Migration = {
  version: 5,
  name: 'skills ontology and succession: aliases, merges, item skills, critical roles, pools',
  up: `
    ALTER TABLE skills ADD COLUMN category TEXT;
    ALTER TABLE skills ADD COLUMN description TEXT;
    ALTER TABLE skills ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired'));

    CREATE TABLE skill_aliases (
      alias    TEXT PRIMARY KEY COLLATE NOCASE,
      skill_id INTEGER NOT NULL REFERENCES skills (id) ON DELETE CASCADE
    ) STRICT;

    -- A merge moves the merged skill's ratings, aliases and mappings to the kept skill and retires it; the row ids
    -- it moved are kept so the merge can be undone exactly.
    CREATE TABLE skill_merges (
      id          INTEGER PRIMARY KEY,
      from_id     INTEGER NOT NULL REFERENCES skills (id),
      into_id     INTEGER NOT NULL REFERENCES skills (id),
      moved_json  TEXT NOT NULL,
      actor       TEXT NOT NULL,
      at          TEXT NOT NULL,
      undone_at   TEXT
    ) STRICT;

    CREATE TABLE learning_item_skills (
      item_id  INTEGER NOT NULL REFERENCES learning_items (id) ON DELETE CASCADE,
      skill_id INTEGER NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
      level    INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
      PRIMARY KEY (item_id, skill_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX learning_item_skills_skill ON learning_item_skills (skill_id);

    CREATE TABLE critical_roles (
      id          INTEGER PRIMARY KEY,
      title       TEXT NOT NULL,
      incumbent   TEXT,
      risk        TEXT NOT NULL CHECK (risk IN ('low', 'medium', 'high')),
      impact      TEXT NOT NULL CHECK (impact IN ('low', 'medium', 'high')),
      created_at  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE role_skills (
      role_id   INTEGER NOT NULL REFERENCES critical_roles (id) ON DELETE CASCADE,
      skill_id  INTEGER NOT NULL REFERENCES skills (id),
      min_level INTEGER NOT NULL CHECK (min_level BETWEEN 1 AND 5),
      PRIMARY KEY (role_id, skill_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE readiness_overrides (
      role_id   INTEGER NOT NULL REFERENCES critical_roles (id) ON DELETE CASCADE,
      person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      readiness TEXT NOT NULL CHECK (readiness IN ('ready-now', 'ready-1-2', 'ready-3-plus')),
      reason    TEXT NOT NULL,
      actor     TEXT NOT NULL,
      at        TEXT NOT NULL,
      PRIMARY KEY (role_id, person_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE talent_pools (
      id    INTEGER PRIMARY KEY,
      name  TEXT NOT NULL UNIQUE,
      note  TEXT
    ) STRICT;
    CREATE TABLE talent_pool_members (
      pool_id   INTEGER NOT NULL REFERENCES talent_pools (id) ON DELETE CASCADE,
      person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      PRIMARY KEY (pool_id, person_id)
    ) STRICT, WITHOUT ROWID;
  `,
}
