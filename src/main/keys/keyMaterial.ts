import { randomBytes } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { message } from '../../shared/i18n/translate'
import { AppError } from '../../shared/result'
import { MIN_PASSPHRASE_LENGTH } from '../../shared/contract/workspace'

/**
 * What unlocks a workspace. A passphrase goes through SQLCipher 4's own KDF (PBKDF2-HMAC-SHA512, 256,000
 * iterations, per-file salt) once per open; a raw key is 256 random bits used as-is, which is what the OS keychain
 * and 64-hex key files hold.
 */
export type KeyMaterial =
  | { readonly kind: 'passphrase'; readonly passphrase: string }
  | { readonly kind: 'raw'; readonly key: Buffer }

const RAW_KEY_HEX = /^[0-9a-fA-F]{64}$/

export function passphraseKey(passphrase: string): KeyMaterial {
  return { kind: 'passphrase', passphrase }
}

export function randomRawKey(): KeyMaterial {
  return { kind: 'raw', key: randomBytes(32) }
}

export function assertStrongPassphrase(passphrase: string | undefined): string {
  if (passphrase === undefined || passphrase.length === 0) {
    throw new AppError('WEAK_PASSPHRASE', message('workspace.errors.choosePassphrase'))
  }
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new AppError(
      'WEAK_PASSPHRASE',
      message('workspace.errors.shortPassphrase', { min: MIN_PASSPHRASE_LENGTH }),
    )
  }
  return passphrase
}

/** A key file's or `NINEFOLD_KEY`'s first line: 64 hex characters are a raw key, anything else a passphrase. */
export function keyFromText(text: string): KeyMaterial {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? ''
  if (RAW_KEY_HEX.test(firstLine)) return { kind: 'raw', key: Buffer.from(firstLine, 'hex') }
  if (firstLine.length === 0) throw new AppError('KEY_UNAVAILABLE', message('workspace.errors.emptyKey'))
  return passphraseKey(firstLine)
}

/**
 * Reads a key file, refusing one that other users could read: a key readable by the group or the world is a key
 * that has leaked, and the person should hear it from us rather than from an auditor.
 */
export function readKeyFile(path: string): KeyMaterial {
  let mode: number
  try {
    mode = statSync(path).mode
  } catch {
    throw new AppError('KEY_UNAVAILABLE', message('workspace.errors.keyFileMissing', { path }), { path })
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new AppError(
      'KEY_UNAVAILABLE',
      message('workspace.errors.keyFileReadable', { path, mode: (mode & 0o777).toString(8) }),
      { path },
    )
  }
  return keyFromText(readFileSync(path, 'utf8'))
}

/** `--key-file` wins over `NINEFOLD_KEY`; neither gives undefined (the caller decides whether that is an error). */
export function keyFromOptions(options: {
  keyFile?: string | undefined
  env?: NodeJS.ProcessEnv
}): KeyMaterial | undefined {
  if (options.keyFile) return readKeyFile(options.keyFile)
  const fromEnv = (options.env ?? process.env)['NINEFOLD_KEY']
  return fromEnv ? keyFromText(fromEnv) : undefined
}

/** How SQLite3MultipleCiphers receives a key: a raw key in SQLCipher's x'…' form skips the KDF. */
export function cipherKeyBuffer(key: KeyMaterial): Buffer {
  return key.kind === 'raw'
    ? Buffer.from(`x'${key.key.toString('hex')}'`, 'utf8')
    : Buffer.from(key.passphrase, 'utf8')
}

export function rawKeyHex(key: KeyMaterial & { kind: 'raw' }): string {
  return key.key.toString('hex')
}
