import type { Database as WorkspaceDb } from 'better-sqlite3-multiple-ciphers'
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import type { DAMAGE_REASONS } from '../../shared/contract/workspace'
import { english, message, type Message } from '../../shared/i18n/translate'
import { AppError } from '../../shared/result'
import type { KeyMaterial } from '../keys/keyMaterial'
import { authenticatePages, headerPageCount } from './pageAuthentication'

/** Why a file is not a whole workspace; `details.reason` of a WORKSPACE_DAMAGED error and a verify finding's code. */
export type DamageReason = (typeof DAMAGE_REASONS)[number]

export interface DamageFinding {
  code: DamageReason
  /** In English, for the CLI and logs. */
  message: string
  text: Message
}

export const finding = (code: DamageReason, text: Message): DamageFinding => ({
  code,
  message: english(text),
  text,
})

/** SQLCipher files carry no plaintext header, but other apps' files do: these are told apart by their first bytes. */
const SIGNATURES: { kind: 'sqlite' | 'png' | 'zip' | 'pdf'; bytes: Buffer }[] = [
  { kind: 'sqlite', bytes: Buffer.from('SQLite format 3\0', 'latin1') },
  { kind: 'png', bytes: Buffer.from('89504e470d0a1a0a', 'hex') },
  { kind: 'zip', bytes: Buffer.from('504b0304', 'hex') },
  { kind: 'pdf', bytes: Buffer.from('%PDF-', 'latin1') },
]

/** The smallest SQLite page: any workspace file is a whole number of them, whatever its page size. */
const MIN_PAGE_SIZE = 512

/**
 * What can be said of a file before the key is tried, from its length and first bytes alone (nothing is written).
 * SQLCipher encrypts the header too, so a workspace's first bytes are random; another app's file is known by its own.
 */
export function inspectFileShape(path: string): DamageFinding | null {
  const size = statSync(path).size
  if (size === 0) return finding('EMPTY', message('workspace.damage.empty'))
  const head = Buffer.alloc(16)
  const fd = openSync(path, 'r')
  try {
    readSync(fd, head, 0, head.length, 0)
  } finally {
    closeSync(fd)
  }
  const foreign = SIGNATURES.find((s) => head.subarray(0, s.bytes.length).equals(s.bytes))
  if (foreign)
    return finding(
      'FOREIGN_FILE',
      message('workspace.damage.foreign', { kind: message(`workspace.damage.kind.${foreign.kind}`) }),
    )
  if (size % MIN_PAGE_SIZE !== 0) return wrongLength(size, MIN_PAGE_SIZE)
  return null
}

const wrongLength = (size: number, pageSize: number): DamageFinding =>
  finding('WRONG_LENGTH', message('workspace.damage.wrongLength', { size: String(size), pageSize }))

/**
 * The cheap checks once the key is proven: the file is a whole number of pages and, when no write-ahead log holds
 * pages not yet in it, exactly as many pages as SQLite says the database has. A file cut short by a crash or a
 * copy is found here rather than by the first query that reaches its missing end.
 */
export function inspectPageCount(
  db: WorkspaceDb,
  path: string,
  key: KeyMaterial,
  options: { readHeader: boolean },
): DamageFinding | null {
  const pageSize = db.pragma('page_size', { simple: true }) as number
  const size = statSync(path).size
  if (size % pageSize !== 0) return wrongLength(size, pageSize)
  const wal = `${path}-wal`
  // Committed pages may still sit in the log (a crash before a checkpoint): then the file may rightly be shorter.
  if (existsSync(wal) && statSync(wal).size > 0) return null
  // SQLite counts the file's pages when its header disagrees with the length; the header still knows the truth
  // (reading it costs a KDF run for a passphrase key, so an ordinary open with a passphrase skips it).
  const fromHeader = options.readHeader ? headerPageCount(path, key, pageSize) : null
  const expected = fromHeader ?? (db.pragma('page_count', { simple: true }) as number)
  const pages = size / pageSize
  if (pages === expected) return null
  return finding(
    pages < expected ? 'TRUNCATED' : 'WRONG_LENGTH',
    message(pages < expected ? 'workspace.damage.truncated' : 'workspace.damage.tooLong', {
      pages: String(pages),
      expected: String(expected),
    }),
  )
}

/**
 * Whether page 1 alone is damaged: SQLite cannot tell a wrong key from a damaged first page (both fail page 1's
 * HMAC), but if page 2 authenticates under the same key and salt, the key is right and the file is damaged.
 */
export function firstPageOnlyDamaged(path: string, key: KeyMaterial, pageSize = 4096): boolean {
  const { pages, failed } = authenticatePages(path, key, pageSize, { firstPages: 2 })
  return pages >= 2 && failed.length === 1 && failed[0] === 1
}

const DAMAGE_CODES = /^SQLITE_(CORRUPT|NOTADB)/

/**
 * SQLite's ways of saying a file is damaged (a page failing its HMAC reads as "malformed" or "not a database").
 * Only SQLite's own errors count: a "URI malformed" from elsewhere says nothing about the file.
 */
export function isDamageError(error: unknown): boolean {
  if (error instanceof AppError || !(error instanceof Error)) return false
  const code = 'code' in error && typeof error.code === 'string' ? error.code : ''
  if (!code.startsWith('SQLITE_')) return false
  return DAMAGE_CODES.test(code) || /malformed|file is not a database|hmac/i.test(error.message)
}

/** The typed error for a damaged file, naming it; its `details.reason` says what was found. */
export class WorkspaceDamagedError extends AppError {
  constructor(
    readonly path: string,
    readonly finding: DamageFinding,
  ) {
    super(
      'WORKSPACE_DAMAGED',
      message('workspace.errors.damagedWorkspace', { path, problem: finding.text }),
      {
        path,
        reason: finding.code,
        problem: finding.message,
      },
    )
  }
}

export const damagedError = (path: string, found: DamageFinding): WorkspaceDamagedError =>
  new WorkspaceDamagedError(path, found)

/** SQLite's own error as a finding (its words, which name no data). */
export function malformedFinding(error: unknown): DamageFinding {
  return finding(
    'MALFORMED',
    message('workspace.damage.malformed', { detail: error instanceof Error ? error.message : String(error) }),
  )
}
