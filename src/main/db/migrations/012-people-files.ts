import type { Migration } from './types'

/**
 * People files as HR systems export them. `job_level_label` keeps a job level written as text ("PT5 - Principal",
 * "IC") as given; `job_level` stays the rank it sorts and compares by (the one number in the text, else null), so
 * existing numeric levels and every reader of the rank are unchanged. `manager_name` and `manager_email` keep the
 * manager as the file named them: resolved to a person they set `manager_id`; a manager outside the workspace
 * ("Board of Directors") stays here as text, reported by the data-quality report, and is linked by a later file
 * that brings them in.
 */
export const migration012: Migration = {
  version: 12,
  name: 'people files: text job levels, managers by name',
  up: `
    ALTER TABLE people ADD COLUMN job_level_label TEXT;
    ALTER TABLE people ADD COLUMN manager_name TEXT;
    ALTER TABLE people ADD COLUMN manager_email TEXT;
    -- Every people import looks for managers still waiting to be found.
    CREATE INDEX people_unresolved_manager ON people (employee_id)
      WHERE manager_id IS NULL AND (manager_name IS NOT NULL OR manager_email IS NOT NULL);
  `,
}
