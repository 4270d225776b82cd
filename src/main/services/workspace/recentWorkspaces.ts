import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const MAX_RECENT = 12

/** Paths only, never keys or names: this file sits unencrypted in the data directory. */
export class RecentWorkspaces {
  private readonly file: string

  constructor(dataDirectory: string) {
    this.file = join(dataDirectory, 'recent.json')
  }

  list(): string[] {
    if (!existsSync(this.file)) return []
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'))
      return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : []
    } catch {
      return [] // a damaged list of shortcuts is not worth failing over
    }
  }

  remember(path: string): void {
    const absolute = resolve(path)
    const next = [absolute, ...this.list().filter((p) => p !== absolute)].slice(0, MAX_RECENT)
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 })
    const temp = `${this.file}.tmp`
    // Where the user's workspaces are is theirs alone to read (a leftover temp file keeps its old mode: set it).
    writeFileSync(temp, JSON.stringify(next, null, 2), { mode: 0o600 })
    chmodSync(temp, 0o600)
    renameSync(temp, this.file)
  }
}
