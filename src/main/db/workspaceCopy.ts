import { chmodSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { message } from '../../shared/i18n/translate'
import { AppError } from '../../shared/result'
import type { KeyMaterial } from '../keys/keyMaterial'
import { schemaVersion } from './migrate'
import { openWorkspaceSnapshot, type WorkspaceDb } from './openWorkspaceDb'

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
 * Checks a workspace file before anyone relies on it: it opens with the key, every page decrypts and authenticates
 * (SQLCipher 4 pages carry an HMAC that is checked as each page is read, and integrity_check reads every page in
 * use; SQLite3MultipleCiphers does not implement SQLCipher's cipher_integrity_check pragma — it answers nothing —
 * so the full read stands in for it), the b-trees are sound, and the schema is one this Ninefold knows.
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
  let db: WorkspaceDb
  try {
    db = openWorkspaceSnapshot(path, key)
  } catch (error) {
    if (error instanceof AppError && error.code === 'WRONG_KEY') {
      throw new AppError('BACKUP_INVALID', message('workspace.errors.foreignBackup', { path }), { path })
    }
    throw error
  }
  try {
    let problems: string[]
    try {
      problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check)
    } catch (error) {
      problems = [error instanceof Error ? error.message : String(error)]
    }
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new AppError(
        'BACKUP_INVALID',
        message('workspace.errors.damaged', { path, problem: problems.slice(0, 3).join('; ') }),
        { path },
      )
    }
    const version = schemaVersion(db)
    if (version === 0 || version > latestSchema) {
      throw new AppError(
        'BACKUP_INVALID',
        version === 0
          ? message('workspace.errors.notWorkspace', { path })
          : message('workspace.errors.newerBackup', { path, schema: version, known: latestSchema }),
        { path, schemaVersion: version },
      )
    }
    const meta = new Map(
      (db.prepare('SELECT key, value FROM workspace_meta').all() as { key: string; value: string }[]).map(
        (r) => [r.key, r.value],
      ),
    )
    const people = (db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n
    return {
      schemaVersion: version,
      name: meta.get('name') ?? '',
      createdAt: meta.get('created_at') ?? null,
      people,
    }
  } finally {
    db.close()
  }
}
