import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative, sep } from 'node:path'
import { message } from '../../shared/i18n/translate'
import { AppError } from '../../shared/result'

/** An upload nobody imported within this long is abandoned: it is removed. */
export const STAGED_FILE_LIFETIME_MS = 30 * 60 * 1000

const CIPHER = 'aes-256-gcm'
const IV_BYTES = 12
const TAG_BYTES = 16

/**
 * Files uploaded from the browser (or dropped in the desktop window) wait here for their import: inside this
 * process's private spool folder (mode 700, wiped at start-up), each in a folder of its own, encrypted under a key
 * that lives only in this object's memory (a crash leaves ciphertext nobody can read). A read (`withPlaintext`)
 * decrypts to a plaintext copy for as long as the read lasts, as the parser's own spool does. They go as soon as
 * they are no longer wanted: their import is stored, another file is staged (the wizard holds one file at a time),
 * the workspace closes or locks, or nobody used them for `STAGED_FILE_LIFETIME_MS`.
 */
export class StagedFiles {
  /** Staged path → when it was staged (ms). Only these are ever read over HTTP. */
  private readonly held = new Map<string, number>()
  private readonly key = randomBytes(32)

  constructor(
    private readonly spoolRoot: string,
    private readonly clock: () => number = Date.now,
  ) {}

  private get root(): string {
    return join(this.spoolRoot, 'staged')
  }

  stage(fileName: string, bytes: Uint8Array): { path: string; fileName: string; size: number } {
    const safeName = basename(fileName.replace(/\\/g, '/'))
      .split('')
      .filter((c) => c.charCodeAt(0) >= 0x20)
      .join('')
      .trim()
    if (!safeName || safeName === '.' || safeName === '..')
      throw new AppError('INVALID_INPUT', message('import.errors.noName'))
    if (bytes.length === 0)
      throw new AppError(
        'FILE_UNREADABLE',
        message('import.errors.file', { file: safeName, problem: message('import.errors.empty') }),
        {
          file: safeName,
          reason: 'EMPTY_FILE',
        },
      )
    this.discardAll()
    const folder = join(this.root, randomUUID())
    mkdirSync(folder, { recursive: true, mode: 0o700 })
    const path = join(folder, safeName)
    const iv = randomBytes(IV_BYTES)
    const cipher = createCipheriv(CIPHER, this.key, iv)
    const sealed = Buffer.concat([cipher.update(bytes), cipher.final()])
    writeFileSync(path, Buffer.concat([iv, cipher.getAuthTag(), sealed]), { mode: 0o600 })
    this.held.set(path, this.clock())
    return { path, fileName: safeName, size: bytes.length }
  }

  isStaged(path: string): boolean {
    const rel = relative(this.root, path)
    return rel !== '' && !rel.startsWith('..') && rel.split(sep).length === 2
  }

  /**
   * Runs `read` on the plaintext of a staged file (a copy under the same name, removed when `read` settles); any
   * other path (the desktop's and CLI's own files) is passed through as it is.
   */
  async withPlaintext<T>(path: string, read: (plainPath: string) => Promise<T> | T): Promise<T> {
    if (!this.held.has(path)) return read(path)
    const sealed = readFileSync(path)
    const decipher = createDecipheriv(CIPHER, this.key, sealed.subarray(0, IV_BYTES))
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
    const plain = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()])
    const folder = join(this.spoolRoot, 'open', randomUUID())
    mkdirSync(folder, { recursive: true, mode: 0o700 })
    const plainPath = join(folder, basename(path))
    try {
      writeFileSync(plainPath, plain, { mode: 0o600 })
      plain.fill(0)
      return await read(plainPath)
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  }

  /** A file this process staged and still holds, named exactly as `stage` returned it. */
  holds(path: string): boolean {
    return this.held.has(path)
  }

  /** The files held now (for tests and the README's promise that abandoned uploads go). */
  list(): string[] {
    return [...this.held.keys()]
  }

  discard(path: string): void {
    this.held.delete(path)
    if (this.isStaged(path)) rmSync(dirname(path), { recursive: true, force: true })
  }

  discardAll(): void {
    for (const path of this.held.keys()) this.discard(path)
    rmSync(this.root, { recursive: true, force: true })
  }

  discardOlderThan(lifetimeMs: number): void {
    const now = this.clock()
    for (const [path, at] of this.held) if (now - at >= lifetimeMs) this.discard(path)
  }
}
