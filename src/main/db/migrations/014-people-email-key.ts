import type { Migration } from './types'

/**
 * Imports and LRS pulls find a learner by email as `lower(trim(email))` (xAPI's mbox, a file's email column). Without
 * an index on that expression every lookup scanned the people table: an LRS pull of 10,000 statements spent a
 * fifth of its time there (2,000 people), and it grows with the workspace. The expression is the one the writer
 * and the data-quality report use, so SQLite's planner uses the index for both.
 */
export const migration014: Migration = {
  version: 14,
  name: 'people found by email without a scan',
  up: `
    CREATE INDEX people_email_key ON people (lower(trim(email)));
  `,
}
