import type { Migration } from './types'

/**
 * Gap-to-growth rules and the outbox of actions they write. At most one open assignment (or recommendation) of an
 * item per person, enforced by the store; an action closes when a learning import shows the item done.
 */
export const migration006: Migration = {
  version: 6,
  name: 'rules and the action outbox',
  up: `
    CREATE TABLE rules (
      id              INTEGER PRIMARY KEY,
      name            TEXT NOT NULL,
      enabled         INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
      conditions_json TEXT NOT NULL,
      actions_json    TEXT NOT NULL,
      template        TEXT,
      created_at      TEXT NOT NULL
    ) STRICT;

    CREATE TABLE outbox_actions (
      id          INTEGER PRIMARY KEY,
      rule_id     INTEGER REFERENCES rules (id) ON DELETE SET NULL,
      -- Set for "close gaps" assignments: completing them can make the person ready for this role.
      role_id     INTEGER REFERENCES critical_roles (id) ON DELETE SET NULL,
      kind        TEXT NOT NULL CHECK (kind IN ('assign', 'recommend', 'notify')),
      person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      item_id     INTEGER REFERENCES learning_items (id),
      due_at      TEXT,
      reason      TEXT NOT NULL,
      status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'cancelled')),
      created_at  TEXT NOT NULL,
      closed_at   TEXT,
      closed_by   INTEGER,
      actor       TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX outbox_one_open_item ON outbox_actions (person_id, item_id)
      WHERE status = 'open' AND item_id IS NOT NULL;
    CREATE INDEX outbox_rule ON outbox_actions (rule_id, status);

    -- The two examples every workspace starts with, disabled: edit the skill and the item to fit, then enable.
    INSERT INTO rules (name, enabled, conditions_json, actions_json, template, created_at) VALUES
      ('Remediation: project management below 3 → Fundamentals within 30 days', 0,
       '[{"type": "competencyBelow", "skill": "Project Management", "threshold": 3}]', '[{"type": "assign", "activityId": "CRS-PROJECT-MANAGEMENT", "dueInDays": 30}]', 'remediation', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      ('Acceleration: rated 4+ and over 2 years → Emerging Leaders Program', 0,
       '[{"type": "ratingAtLeast", "rating": 4, "minTenureYears": 2}]', '[{"type": "recommend", "activityId": "PRG-ELP"}, {"type": "notify", "message": "Talent team: candidate for the Emerging Leaders Program"}]', 'acceleration', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  `,
}
