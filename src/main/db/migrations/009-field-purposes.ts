import type { Migration } from './types'

/**
 * The purposes each field about a person may be used for. A field without a row uses its defaults (in core), so
 * the table holds only what someone chose, and each choice is also in the audit log.
 */
export const migration009: Migration = {
  version: 9,
  name: 'field purposes',
  up: `
    CREATE TABLE field_purposes (
      field         TEXT PRIMARY KEY,
      purposes_json TEXT NOT NULL DEFAULT '[]',
      updated_at    TEXT NOT NULL,
      updated_by    TEXT NOT NULL
    ) STRICT;
  `,
}
