import { chmodSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { message } from '../../shared/i18n/translate'
import { AppError } from '../../shared/result'
import type { KeyMaterial } from '../keys/keyMaterial'
import type { WorkspaceDb } from './openWorkspaceDb'
import { verifyWorkspace, type WorkspaceVerification } from './verifyWorkspace'

export interface WorkspaceFileCheck {
  schemaVersion: number
  name: string
  createdAt: string | null
  people: number
}

/**
 * A consistent, still-encrypted copy of what `db` has committed. VACUUM INTO writes the copy under the same cipher
 * and key (checked: no plaintext in it); it reads one snapshot, so it runs beside a long import on the read-only
 * connection and copies the state before it. The copy is written beside the target and renamed into place, so a
 * failure never leaves half a file under the target's name.
 */
export function copyWorkspace(db: WorkspaceDb, target: string): void {
  mkdirSync(dirname(target), { recursive: true })
  const partial = `${target}.partial`
  rmSync(partial, { force: true })
  try {
    db.prepare('VACUUM INTO ?').run(partial)
    if (process.platform !== 'win32') chmodSync(partial, 0o600)
    renameSync(partial, target)
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  }
}

/**
 * Checks a workspace file before anyone relies on it, the way `workspace verify` does (verifyWorkspace: the key,
 * every page's HMAC, integrity and foreign-key checks, a known schema), and reads what a restore shows of it.
 */
export function verifyWorkspaceFile(
  path: string,
  key: KeyMaterial,
  latestSchema: number,
): WorkspaceFileCheck {
  try {
    return checkWorkspaceFile(path, key, latestSchema)
  } catch (error) {
    if (error instanceof AppError) throw error
    // SQLite's own words (a page that fails its HMAC reads as "malformed"), under our message.
    throw new AppError(
      'BACKUP_INVALID',
      message('workspace.errors.damaged', {
        path,
        problem: error instanceof Error ? error.message : String(error),
      }),
      { path },
    )
  }
}

function checkWorkspaceFile(path: string, key: KeyMaterial, latestSchema: number): WorkspaceFileCheck {
  if (!existsSync(path))
    throw new AppError('WORKSPACE_NOT_FOUND', message('workspace.errors.noFileAt', { path }), { path })
  let verification: WorkspaceVerification
  let name = ''
  let createdAt: string | null = null
  let people = 0
  try {
    verification = verifyWorkspace(path, key, latestSchema, (db) => {
      const meta = new Map(
        (db.prepare('SELECT key, value FROM workspace_meta').all() as { key: string; value: string }[]).map(
          (r) => [r.key, r.value],
        ),
      )
      name = meta.get('name') ?? ''
      createdAt = meta.get('created_at') ?? null
      people = (db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n
    })
  } catch (error) {
    if (error instanceof AppError && error.code === 'WRONG_KEY') {
      throw new AppError('BACKUP_INVALID', message('workspace.errors.foreignBackup', { path }), { path })
    }
    throw error
  }
  const first = verification.findings[0]
  if (first) {
    const version = verification.schemaVersion
    throw new AppError(
      'BACKUP_INVALID',
      first.code === 'NO_SCHEMA'
        ? message('workspace.errors.notWorkspace', { path })
        : first.code === 'NEWER_SCHEMA'
          ? message('workspace.errors.newerBackup', { path, schema: version ?? 0, known: latestSchema })
          : message('workspace.errors.damaged', { path, problem: first.text }),
      { path, ...(version === null ? {} : { schemaVersion: version }), reason: first.code },
    )
  }
  return { schemaVersion: verification.schemaVersion ?? 0, name, createdAt, people }
}
