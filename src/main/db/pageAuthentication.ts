import { createDecipheriv, createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto'
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import type { KeyMaterial } from '../keys/keyMaterial'

/**
 * SQLCipher 4's page layout, as SQLite3MultipleCiphers writes it with `cipher = 'sqlcipher', legacy = 4`: the
 * file's first 16 bytes are the salt; each page ends with a reserve of a 16-byte IV and a 64-byte HMAC-SHA512 over
 * the page's ciphertext, its IV and its page number (4 bytes, little-endian).
 */
const SALT_BYTES = 16
const IV_BYTES = 16
const HMAC_BYTES = 64
const RESERVE_BYTES = IV_BYTES + HMAC_BYTES
const KDF_ITERATIONS = 256_000
const HMAC_KDF_ITERATIONS = 2
const HMAC_SALT_MASK = 0x3a

export interface PageAuthentication {
  pages: number
  /** Page numbers (1-based) whose HMAC does not match: damaged, or not written with this key. */
  failed: number[]
}

// A raw key is the encryption key itself; a passphrase goes through SQLCipher 4's KDF with the file's salt.
const encryptionKeyFor = (key: KeyMaterial, salt: Buffer): Buffer =>
  key.kind === 'raw' ? key.key : pbkdf2Sync(key.passphrase, salt, KDF_ITERATIONS, 32, 'sha512')

/**
 * The key as SQLCipher uses it for this file: a passphrase run through the KDF once with the file's salt, so the
 * several checks of one verification pay for the KDF once.
 */
export function fileKey(path: string, key: KeyMaterial): KeyMaterial {
  if (key.kind === 'raw') return key
  const salt = Buffer.alloc(SALT_BYTES)
  const fd = openSync(path, 'r')
  try {
    readSync(fd, salt, 0, SALT_BYTES, 0)
  } finally {
    closeSync(fd)
  }
  return { kind: 'raw', key: encryptionKeyFor(key, salt) }
}

function hmacKeyFor(key: KeyMaterial, salt: Buffer): Buffer {
  const encryptionKey = encryptionKeyFor(key, salt)
  const hmacSalt = Buffer.from(salt.map((b) => b ^ HMAC_SALT_MASK))
  return pbkdf2Sync(encryptionKey, hmacSalt, HMAC_KDF_ITERATIONS, 32, 'sha512')
}

function pageIsAuthentic(hmacKey: Buffer, page: Buffer, pageNumber: number): boolean {
  const start = pageNumber === 1 ? SALT_BYTES : 0
  const end = page.length - RESERVE_BYTES + IV_BYTES
  const number = Buffer.alloc(4)
  number.writeUInt32LE(pageNumber)
  const expected = createHmac('sha512', hmacKey).update(page.subarray(start, end)).update(number).digest()
  return timingSafeEqual(expected, page.subarray(end, end + HMAC_BYTES))
}

/**
 * Checks every page of the file on disk against its HMAC, free pages included (SQLite's integrity_check reads only
 * the pages in use, and SQLite3MultipleCiphers answers nothing to SQLCipher's cipher_integrity_check). Reads the
 * file page by page and never writes to it. `firstPages` stops early, for the cheap "is page 2 sound?" question.
 */
export function authenticatePages(
  path: string,
  key: KeyMaterial,
  pageSize: number,
  options: { firstPages?: number } = {},
): PageAuthentication {
  const fd = openSync(path, 'r')
  try {
    const size = fstatSync(fd).size
    const pages = Math.floor(size / pageSize)
    const failed: number[] = []
    if (pages === 0) return { pages, failed }
    const salt = Buffer.alloc(SALT_BYTES)
    readSync(fd, salt, 0, SALT_BYTES, 0)
    const hmacKey = hmacKeyFor(key, salt)
    const page = Buffer.alloc(pageSize)
    const last = Math.min(pages, options.firstPages ?? pages)
    for (let n = 1; n <= last; n++) {
      readSync(fd, page, 0, pageSize, (n - 1) * pageSize)
      if (!pageIsAuthentic(hmacKey, page, n)) failed.push(n)
    }
    return { pages, failed }
  } finally {
    closeSync(fd)
  }
}

/**
 * The database size SQLite's header records (in pages), read by decrypting page 1 (AES-256-CBC, its IV in the
 * reserve), or null when page 1 does not authenticate or the field is not valid. A file cut short still says in
 * its header how long it was; SQLite itself then trusts the file's length and only fails on the missing pages.
 */
export function headerPageCount(path: string, key: KeyMaterial, pageSize: number): number | null {
  const fd = openSync(path, 'r')
  const page = Buffer.alloc(pageSize)
  try {
    if (readSync(fd, page, 0, pageSize, 0) < pageSize) return null
  } finally {
    closeSync(fd)
  }
  const salt = page.subarray(0, SALT_BYTES)
  if (!pageIsAuthentic(hmacKeyFor(key, salt), page, 1)) return null
  const ivAt = pageSize - RESERVE_BYTES
  const decipher = createDecipheriv(
    'aes-256-cbc',
    encryptionKeyFor(key, salt),
    page.subarray(ivAt, ivAt + IV_BYTES),
  )
  decipher.setAutoPadding(false)
  // Plaintext byte i is the page's byte 16 + i: the header's change counter (24), size (28), version-valid-for (92).
  const plain = Buffer.concat([decipher.update(page.subarray(SALT_BYTES, ivAt)), decipher.final()])
  const at = (offset: number): number => plain.readUInt32BE(offset - SALT_BYTES)
  const size = at(28)
  return size > 0 && at(24) === at(92) ? size : null
}
