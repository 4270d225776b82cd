import Database from 'better-sqlite3-multiple-ciphers'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openWorkspaceDb, rekeyWorkspaceDb } from '../../src/main/db/openWorkspaceDb'
import { keyFromText, passphraseKey, randomRawKey, readKeyFile } from '../../src/main/keys/keyMaterial'
import { AppError } from '../../src/shared/result'
import { useTempDirs } from '../support/tempDir'
import { PASSPHRASE } from '../support/services'

const tempDir = useTempDirs()
const MARKER = 'NINEFOLD-PLAINTEXT-MARKER-7f3a'

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')

function expectAppError(fn: () => unknown, code: string): AppError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe(code)
    return error as AppError
  }
  throw new Error(`expected ${code}, but nothing was thrown`)
}

function workspaceWithMarker(path: string, key = passphraseKey(PASSPHRASE)): void {
  const db = openWorkspaceDb(path, key, { create: true })
  db.exec('CREATE TABLE notes (text TEXT)')
  db.prepare('INSERT INTO notes VALUES (?)').run(MARKER)
  db.close()
}

describe('encrypted workspace file', () => {
  it('keeps a known string out of the database file and its WAL while open', () => {
    const path = join(tempDir(), 'w.ninefold')
    const db = openWorkspaceDb(path, passphraseKey(PASSPHRASE), { create: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.exec('CREATE TABLE notes (text TEXT)')
    for (let i = 0; i < 50; i++) db.prepare('INSERT INTO notes VALUES (?)').run(`${MARKER} ${i}`)
    // While the connection is open the rows sit in the WAL: it must be encrypted too.
    expect(existsSync(`${path}-wal`)).toBe(true)
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0)
    expect(readFileSync(`${path}-wal`).includes(MARKER)).toBe(false)
    db.close()
    const bytes = readFileSync(path)
    expect(bytes.includes(MARKER)).toBe(false)
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000')
  })

  it('uses SQLCipher 4 settings and the pragmas the architecture asks for', () => {
    const path = join(tempDir(), 'w.ninefold')
    const db = openWorkspaceDb(path, passphraseKey(PASSPHRASE), { create: true })
    expect(db.pragma('cipher', { simple: true })).toBe('sqlcipher')
    expect(Number(db.pragma('kdf_iter', { simple: true }))).toBe(256000)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('secure_delete', { simple: true })).toBe(1)
    expect(db.pragma('temp_store', { simple: true })).toBe(2) // MEMORY
    db.close()
  })

  it('refuses a wrong passphrase with WRONG_KEY and leaves the file byte-for-byte unchanged', () => {
    const path = join(tempDir(), 'w.ninefold')
    workspaceWithMarker(path)
    const before = { hash: sha256(path), mtime: statSync(path).mtimeMs }
    const error = expectAppError(
      () => openWorkspaceDb(path, passphraseKey('not the passphrase'), { create: false }),
      'WRONG_KEY',
    )
    expect(error.message).toMatch(/does not open this workspace/)
    expect(sha256(path)).toBe(before.hash)
    expect(statSync(path).mtimeMs).toBe(before.mtime)
    expect(existsSync(`${path}-wal`)).toBe(false)
    // …and the right passphrase still opens it.
    const db = openWorkspaceDb(path, passphraseKey(PASSPHRASE), { create: false })
    expect(db.prepare('SELECT text FROM notes').get()).toEqual({ text: MARKER })
    db.close()
  })

  it('refuses a missing key: an empty passphrase does not open an encrypted file', () => {
    const path = join(tempDir(), 'w.ninefold')
    workspaceWithMarker(path)
    const hash = sha256(path)
    expectAppError(() => openWorkspaceDb(path, passphraseKey(''), { create: false }), 'WRONG_KEY')
    // A plain SQLite open (no key at all) cannot read it either.
    const plain = new Database(path, { fileMustExist: true })
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/)
    plain.close()
    expect(sha256(path)).toBe(hash)
  })

  it('never recreates a missing workspace or overwrites an existing one', () => {
    const dir = tempDir()
    expectAppError(
      () => openWorkspaceDb(join(dir, 'none.ninefold'), passphraseKey(PASSPHRASE), { create: false }),
      'WORKSPACE_NOT_FOUND',
    )
    expect(existsSync(join(dir, 'none.ninefold'))).toBe(false)
    const path = join(dir, 'w.ninefold')
    workspaceWithMarker(path)
    const hash = sha256(path)
    expectAppError(
      () => openWorkspaceDb(path, passphraseKey(PASSPHRASE), { create: true }),
      'WORKSPACE_EXISTS',
    )
    expect(sha256(path)).toBe(hash)
  })

  it('rekeys: the new passphrase opens the workspace, the old one no longer does, the data survives', () => {
    const path = join(tempDir(), 'w.ninefold')
    workspaceWithMarker(path)
    const db = openWorkspaceDb(path, passphraseKey(PASSPHRASE), { create: false })
    rekeyWorkspaceDb(db, passphraseKey('a brand new passphrase'))
    db.close()
    expectAppError(() => openWorkspaceDb(path, passphraseKey(PASSPHRASE), { create: false }), 'WRONG_KEY')
    const reopened = openWorkspaceDb(path, passphraseKey('a brand new passphrase'), { create: false })
    expect(reopened.prepare('SELECT text FROM notes').get()).toEqual({ text: MARKER })
    reopened.close()
    expect(readFileSync(path).includes(MARKER)).toBe(false)
  })

  it('opens with a raw 256-bit key (no KDF) and refuses the same bytes given as a passphrase', () => {
    const path = join(tempDir(), 'w.ninefold')
    const key = randomRawKey()
    workspaceWithMarker(path, key)
    if (key.kind !== 'raw') throw new Error('expected a raw key')
    const hex = key.key.toString('hex')
    const fromText = keyFromText(`${hex}\n`)
    expect(fromText.kind).toBe('raw')
    openWorkspaceDb(path, fromText, { create: false }).close()
    expectAppError(() => openWorkspaceDb(path, passphraseKey(`${hex}x`), { create: false }), 'WRONG_KEY')
  })
})

describe('key files', () => {
  it('reads the first line: 64 hex characters are a raw key, anything else a passphrase', () => {
    expect(keyFromText(`${'ab'.repeat(32)}\nignored`)).toMatchObject({ kind: 'raw' })
    expect(keyFromText('my long passphrase\r\nsecond line')).toEqual({
      kind: 'passphrase',
      passphrase: 'my long passphrase',
    })
    expect(keyFromText('ab'.repeat(31))).toMatchObject({ kind: 'passphrase' }) // 62 hex chars is not a raw key
    expectAppError(() => keyFromText('\nsecond'), 'KEY_UNAVAILABLE')
  })

  it('refuses a key file other users can read, naming the fix', () => {
    const file = join(tempDir(), 'team.key')
    writeFileSync(file, 'a passphrase here\n', { mode: 0o644 })
    const error = expectAppError(() => readKeyFile(file), 'KEY_UNAVAILABLE')
    expect(error.message).toContain(`chmod 600 ${file}`)
    writeFileSync(join(tempDir(), 'ok.key'), '')
    const ok = join(tempDir(), 'private.key')
    writeFileSync(ok, 'a passphrase here\n', { mode: 0o600 })
    expect(readKeyFile(ok)).toEqual({ kind: 'passphrase', passphrase: 'a passphrase here' })
  })
})
