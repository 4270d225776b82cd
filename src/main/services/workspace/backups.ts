import { createHash } from 'node:crypto'
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { basename, extname, join, resolve } from 'node:path'
import { LATEST_SCHEMA_VERSION } from '../../db/migrations'
import { copyWorkspace, verifyWorkspaceFile } from '../../db/workspaceCopy'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import type { KeyMaterial } from '../../keys/keyMaterial'

/** How many automatic backups each workspace keeps, unless its settings say otherwise. */
export const DEFAULT_BACKUPS_KEPT = 5
export const BACKUPS_KEPT_KEY = 'backups.keep'

export type BackupReason = 'manual' | 'before-migration' | 'before-import' | 'before-restore'

export interface RollingBackup {
  path: string
  reason: BackupReason
  createdAt: string
  sizeBytes: number
}

const STAMP = /^(\d{8}T\d{6}\d{3}Z)-([a-z-]+)\.ninefold$/

/**
 * Automatic backups live under the data directory, one folder per workspace file (its name plus a hash of its full
 * path, so two "budget.ninefold" in different folders never share one).
 */
export function backupFolderFor(dataDirectory: string, workspacePath: string): string {
  const absolute = resolve(workspacePath)
  const tag = createHash('sha256').update(absolute).digest('hex').slice(0, 10)
  return join(dataDirectory, 'backups', `${basename(absolute, extname(absolute))}-${tag}`)
}

const stampOf = (at: Date): string => at.toISOString().replace(/[-:.]/g, '')
const dateOfStamp = (stamp: string): string =>
  `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`

export function listBackups(dataDirectory: string, workspacePath: string): RollingBackup[] {
  const folder = backupFolderFor(dataDirectory, workspacePath)
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .map((file) => ({ file, match: STAMP.exec(file) }))
    .filter((f): f is { file: string; match: RegExpExecArray } => f.match !== null)
    .map(({ file, match }) => ({
      path: join(folder, file),
      reason: match[2] as BackupReason,
      createdAt: dateOfStamp(match[1] ?? ''),
      sizeBytes: statSync(join(folder, file)).size,
    }))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

/**
 * Writes an automatic backup of what `db` has committed and drops the oldest beyond `keep`. The new one is written
 * before any old one goes, so there is never a moment with fewer backups than before.
 */
export function writeRollingBackup(
  db: WorkspaceDb,
  options: { dataDirectory: string; workspacePath: string; reason: BackupReason; at: Date; keep: number },
): RollingBackup {
  const folder = backupFolderFor(options.dataDirectory, options.workspacePath)
  let at = options.at
  let path = join(folder, `${stampOf(at)}-${options.reason}.ninefold`)
  // Two backups in the same millisecond (a restore right after a manual backup) get distinct names.
  while (existsSync(path)) {
    at = new Date(at.getTime() + 1)
    path = join(folder, `${stampOf(at)}-${options.reason}.ninefold`)
  }
  copyWorkspace(db, path)
  for (const old of listBackups(options.dataDirectory, options.workspacePath).slice(
    Math.max(1, options.keep),
  ))
    rmSync(old.path, { force: true })
  return { path, reason: options.reason, createdAt: at.toISOString(), sizeBytes: statSync(path).size }
}

export function backupsKept(db: WorkspaceDb): number {
  const row = db.prepare('SELECT value FROM workspace_meta WHERE key = ?').get(BACKUPS_KEPT_KEY) as
    { value: string } | undefined
  const n = Number(row?.value)
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_BACKUPS_KEPT
}

/**
 * The newest automatic backup of a workspace that passes the full check under its key, or null: what a damaged
 * workspace offers to restore (a backup taken after the damage, or under another key, is passed over).
 */
export function newestVerifiedBackup(
  dataDirectory: string,
  workspacePath: string,
  key: KeyMaterial,
): RollingBackup | null {
  for (const backup of listBackups(dataDirectory, workspacePath)) {
    try {
      verifyWorkspaceFile(backup.path, key, LATEST_SCHEMA_VERSION)
      return backup
    } catch {
      // Not this one: try the one before it.
    }
  }
  return null
}
