import { randomUUID } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative, sep } from 'node:path'
import { message } from '../../shared/i18n/translate'
import { AppError } from '../../shared/result'

/**
 * Files uploaded from the browser (or dropped in the desktop window) wait here for their import: inside this
 * process's private spool folder (mode 700, wiped at start-up), each in a folder of its own, and removed as soon as
 * their import is stored.
 */
export class StagedFiles {
  constructor(private readonly spoolRoot: string) {}

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
    const folder = join(this.root, randomUUID())
    mkdirSync(folder, { recursive: true, mode: 0o700 })
    const path = join(folder, safeName)
    writeFileSync(path, bytes, { mode: 0o600 })
    return { path, fileName: safeName, size: bytes.length }
  }

  isStaged(path: string): boolean {
    const rel = relative(this.root, path)
    return rel !== '' && !rel.startsWith('..') && rel.split(sep).length === 2
  }

  discard(path: string): void {
    if (this.isStaged(path)) rmSync(dirname(path), { recursive: true, force: true })
  }
}
