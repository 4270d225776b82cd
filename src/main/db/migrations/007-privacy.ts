import type { Migration } from './types'

/**
 * Erasure (GDPR art. 17) must reach the audit log: entries that name an erased person get their pseudonym. The log
 * stays append-only for everything else: an update is allowed only while an erasure holds its window open (a row in
 * privacy_erasure_window, inserted and deleted inside the erasing transaction), and never to an entry's id, time,
 * action or entity type.
 */
export const migration007: Migration = {
  version: 7,
  name: 'privacy: erasure may pseudonymise audit log entries, nothing else may change them',
  up: `
    CREATE TABLE privacy_erasure_window (pseudonym TEXT PRIMARY KEY) STRICT;
    DROP TRIGGER audit_log_append_only_update;
    CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
      WHEN NOT EXISTS (SELECT 1 FROM privacy_erasure_window)
        OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.action IS NOT OLD.action
        OR NEW.entity_type IS NOT OLD.entity_type
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  `,
}
