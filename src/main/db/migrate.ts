import type { Database } from 'better-sqlite3-multiple-ciphers'
import { message } from '../../shared/i18n/translate'
import { AppError } from '../../shared/result'
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations'

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Brings a workspace up to `target` (default: the latest), one migration per transaction so a failure leaves the
 * workspace at the last version that fully applied. A workspace written by a newer Ninefold is refused rather than
 * guessed at.
 */
export function migrate(
  db: Database,
  target: number = LATEST_SCHEMA_VERSION,
  migrations: readonly Migration[] = MIGRATIONS,
): { from: number; to: number } {
  const from = schemaVersion(db)
  if (from > migrations.length) {
    throw new AppError(
      'WORKSPACE_INCOMPATIBLE',
      message('workspace.errors.newerSchema', { schema: from, known: migrations.length }),
      { schemaVersion: from, supported: migrations.length },
    )
  }
  for (const migration of migrations) {
    if (migration.version <= from || migration.version > target) continue
    db.transaction(() => {
      db.exec(migration.up)
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
  return { from, to: schemaVersion(db) }
}
