import type { Migration } from './types'

/**
 * The purposes each field about a person may be used for. A field without a row uses its defaults (in core), so
 * the table holds only what someone chose, and each choice is also in the audit log. Also two indexes the Insights
 * views read by: survey answers per item, and recent voluntary completions.
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
    -- A program's reaction-survey summary reads its answers by item.
    CREATE INDEX survey_responses_activity ON survey_responses (activity_id);
    -- Flight-risk signals read the last months of voluntary completions: a small index, only those rows.
    CREATE INDEX learning_records_voluntary_done ON learning_records (person_id, completed_at, voluntary, status)
      WHERE voluntary = 1 AND status IN ('completed', 'passed');
  `,
}
