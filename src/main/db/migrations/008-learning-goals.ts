import type { Migration } from './types'

/**
 * The learning-goal map: what each learning goal is measured by and where its data comes from. It starts with the
 * example every L&D team writes first, which the user edits or removes.
 */
export const migration008: Migration = {
  version: 8,
  name: 'learning-goal map',
  up: `
    CREATE TABLE learning_goals (
      id           INTEGER PRIMARY KEY,
      goal         TEXT NOT NULL,
      metric       TEXT NOT NULL,
      sources_json TEXT NOT NULL DEFAULT '[]',
      note         TEXT,
      position     INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    INSERT INTO learning_goals (goal, metric, sources_json, note, position) VALUES
      ('Onboarding effectiveness', 'time-to-proficiency', '["lms","hris","performance"]', NULL, 1),
      ('Onboarding effectiveness', 'retention-90-days', '["hris"]', NULL, 2);
  `,
}
