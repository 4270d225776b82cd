import { randomUUID } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative, sep } from 'node:path'
import { message } from '../../shared/i18n/translate'
import { AppError } from '../../shared/result'

/** An upload nobody imported within this long is abandoned: it is removed. */
export const STAGED_FILE_LIFETIME_MS = 30 * 60 * 1000

/**
 * Files uploaded from the browser (or dropped in the desktop window) wait here for their import: inside this
 * process's private spool folder (mode 700, wiped at start-up), each in a folder of its own. They are plaintext, so
 * they go as soon as they are no longer wanted: their import is stored, another file is staged (the wizard holds one
 * file at a time), the workspace closes or locks, or nobody used them for `STAGED_FILE_LIFETIME_MS`.
 */
export class StagedFiles {
  /** Staged path → when it was staged (ms). Only these are ever read over HTTP. */
  private readonly held = new Map<string, number>()

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
    writeFileSync(path, bytes, { mode: 0o600 })
    this.held.set(path, this.clock())
    return { path, fileName: safeName, size: bytes.length }
  }

  isStaged(path: string): boolean {
    const rel = relative(this.root, path)
    return rel !== '' && !rel.startsWith('..') && rel.split(sep).length === 2
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
