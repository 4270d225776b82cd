import Database from 'better-sqlite3-multiple-ciphers'
import { existsSync } from 'node:fs'
import { message } from '../../shared/i18n/translate'
import { AppError } from '../../shared/result'
import { cipherKeyBuffer, type KeyMaterial } from '../keys/keyMaterial'
import {
  damagedError,
  finding,
  firstPageOnlyDamaged,
  inspectFileShape,
  inspectPageCount,
  isDamageError,
  malformedFinding,
} from './workspaceHealth'

export type WorkspaceDb = Database.Database

/** SQLCipher 4 compatible page encryption; chosen so a workspace can be inspected with stock sqlcipher tools. */
const CIPHER_PRAGMAS = [`cipher = 'sqlcipher'`, `legacy = 4`] as const

function applyKey(db: WorkspaceDb, key: KeyMaterial): void {
  // The cipher must be named on every open, before the key: SQLite3MultipleCiphers defaults to another scheme.
  for (const pragma of CIPHER_PRAGMAS) db.pragma(pragma)
  db.key(cipherKeyBuffer(key))
}

function isEmptyKey(key: KeyMaterial): boolean {
  return key.kind === 'passphrase' ? key.passphrase.length === 0 : key.key.length === 0
}

/**
 * Opens (or creates) an encrypted workspace file. The key is proven by a read before anything that could write
 * (journal mode, migrations) runs, so a wrong key never modifies the file.
 */
export function openWorkspaceDb(
  path: string,
  key: KeyMaterial,
  options: { create: boolean; readOnly?: boolean },
): WorkspaceDb {
  if (isEmptyKey(key)) {
    // An empty key would mean an unencrypted file: never create one, and never read one as a workspace.
    throw options.create
      ? new AppError('WEAK_PASSPHRASE', message('workspace.errors.mustProtect'))
      : new AppError('WRONG_KEY', message('workspace.errors.encrypted'), { path })
  }
  const exists = existsSync(path)
  if (options.create && exists) {
    throw new AppError('WORKSPACE_EXISTS', message('workspace.errors.exists', { path }), { path })
  }
  if (!options.create && !exists) {
    throw new AppError('WORKSPACE_NOT_FOUND', message('workspace.errors.noWorkspaceAt', { path }), { path })
  }
  if (exists) {
    const shape = inspectFileShape(path)
    if (shape) throw damagedError(path, shape)
  }
  // A read-only connection (the session's reader) cannot write by accident, and SQLite's data_version then tells
  // it for sure when someone else committed: calibration views are cached on it.
  const db = new Database(path, { fileMustExist: !options.create, readonly: options.readOnly === true })
  try {
    applyKey(db, key)
    proveWhole(db, path, key, exists)
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('temp_store = MEMORY')
    db.pragma('secure_delete = ON')
    db.pragma('busy_timeout = 5000')
    // SQLite's default 2 MB page cache makes a large import evict and re-read (decrypt) index pages for almost
    // every row; 64 MB took a million-row learning import from ~22 s to ~20 s here. Pages are cached only as used.
    db.pragma('cache_size = -65536')
    return db
  } catch (error) {
    db.close()
    throw isDamageError(error) ? damagedError(path, malformedFinding(error)) : error
  }
}

/**
 * Opens a workspace file only to read it, exactly as it is on disk: no journal mode change, no migration, nothing
 * written (a backup being checked stays byte for byte what was written).
 */
export function openWorkspaceSnapshot(path: string, key: KeyMaterial): WorkspaceDb {
  if (isEmptyKey(key)) throw new AppError('WRONG_KEY', message('workspace.errors.encrypted'))
  if (!existsSync(path))
    throw new AppError('WORKSPACE_NOT_FOUND', message('workspace.errors.noFileAt', { path }), { path })
  const shape = inspectFileShape(path)
  if (shape) throw damagedError(path, shape)
  const db = new Database(path, { fileMustExist: true, readonly: true })
  try {
    applyKey(db, key)
    proveWhole(db, path, key, true)
    return db
  } catch (error) {
    db.close()
    throw isDamageError(error) ? damagedError(path, malformedFinding(error)) : error
  }
}

/**
 * The key first (a wrong key must stay WRONG_KEY, and nothing is written before it is proven), then the cheap
 * checks that a file is whole: a damaged first page is told from a wrong key by the page after it, and the file's
 * length must match the pages SQLite counts. Integrity checks that read every page are `verify`'s, not every open's.
 */
function proveWhole(db: WorkspaceDb, path: string, key: KeyMaterial, existed: boolean): void {
  try {
    proveKey(db, path)
  } catch (error) {
    if (existed && error instanceof AppError && error.code === 'WRONG_KEY' && firstPageOnlyDamaged(path, key))
      throw damagedError(path, finding('FIRST_PAGE', message('workspace.damage.firstPage')))
    // A file cut short fails its first read as "malformed": its length says more, when SQLite can still count pages.
    if (isDamageError(error))
      throw damagedError(path, pageCountFinding(db, path, key) ?? malformedFinding(error))
    throw error
  }
  if (!existed) return
  const short = inspectPageCount(db, path, key, { readHeader: key.kind === 'raw' })
  if (short) throw damagedError(path, short)
}

function pageCountFinding(
  db: WorkspaceDb,
  path: string,
  key: KeyMaterial,
): ReturnType<typeof inspectPageCount> {
  try {
    return inspectPageCount(db, path, key, { readHeader: true })
  } catch {
    return null
  }
}

function proveKey(db: WorkspaceDb, path: string): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get()
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'SQLITE_NOTADB') {
      throw new AppError('WRONG_KEY', message('workspace.errors.wrongKey'), { path })
    }
    throw error
  }
}

/**
 * Re-encrypts every page under a new key. The WAL is checkpointed first so no page stays behind under the old key.
 */
export function rekeyWorkspaceDb(db: WorkspaceDb, next: KeyMaterial): void {
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.rekey(cipherKeyBuffer(next))
  db.pragma('wal_checkpoint(TRUNCATE)')
}
