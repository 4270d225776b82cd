import { pairReader } from '../../db/changeStamp'
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { basename, dirname, extname, join, resolve } from 'node:path'
import type { WorkspaceStatus, WorkspaceSummary } from '../../../shared/contract'
import { english, message, type Message } from '../../../shared/i18n/translate'
import { AppError } from '../../../shared/result'
import { migrate, schemaVersion } from '../../db/migrate'
import { LATEST_SCHEMA_VERSION } from '../../db/migrations'
import { openWorkspaceDb, rekeyWorkspaceDb, type WorkspaceDb } from '../../db/openWorkspaceDb'
import { passphraseKey, type KeyMaterial } from '../../keys/keyMaterial'
import { appendAudit } from '../auditLog'
import type { EventBus } from '../eventBus'
import type { ServicePorts } from '../ports'
import { isDamageError, malformedFinding, WorkspaceDamagedError } from '../../db/workspaceHealth'
import { backupsKept, newestVerifiedBackup, writeRollingBackup } from './backups'
import { hasKeychainSidecar } from './keychainSidecar'
import { RecentWorkspaces } from './recentWorkspaces'

export const WORKSPACE_EXTENSION = '.ninefold'

export type Protection = WorkspaceSummary['protection']

export interface OpenWorkspace {
  readonly db: WorkspaceDb
  /**
   * A second connection for screens that only read. A long write (an import) holds its transaction open on `db`
   * between its steps; reads through `db` would see its uncommitted rows, reads here see what is committed.
   */
  reader: WorkspaceDb
  readonly path: string
  readonly protection: Protection
  /** Kept to check backups against and to reopen after a restore; SQLite holds it in memory anyway. */
  key: KeyMaterial
}

/** File-system friendly name: keeps letters in any script, drops what file systems or shells dislike. */
function fileNameFor(name: string): string {
  const slug = name
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
  return `${slug || 'workspace'}${WORKSPACE_EXTENSION}`
}

/**
 * The one open workspace of this process and its key. Services reach the database only through `db`, which
 * refuses clearly when nothing is open.
 */
export class WorkspaceSession {
  private current: OpenWorkspace | null = null
  /** A workspace locked for want of its user: what the lock screen shows, and where unlocking reopens. */
  private locked: { name: string; path: string; protection: Protection } | null = null
  /** The long write in progress (an import, a demo fill), if any: it holds the one transaction this connection has. */
  /** What is running, to name in the refusal (`workspace.busy.*`, or English words). */
  private longWrite: string | Message | null = null
  private readonly recent: RecentWorkspaces

  constructor(
    private readonly ports: ServicePorts,
    private readonly events: EventBus,
  ) {
    this.recent = new RecentWorkspaces(ports.dataDirectory)
  }

  get workspacesDirectory(): string {
    return join(this.ports.dataDirectory, 'workspaces')
  }

  /**
   * Runs a long write (one that yields to the event loop inside its transaction). Other writes, and closing or
   * switching the workspace, are refused meanwhile with BUSY rather than joining or breaking its transaction.
   */
  async exclusively<T>(what: string | Message, work: () => Promise<T>): Promise<T> {
    this.assertIdle()
    this.longWrite = what
    try {
      return await work()
    } finally {
      this.longWrite = null
    }
  }

  assertIdle(): void {
    if (this.longWrite === null) return
    const refusal = message('workspace.errors.busy', { what: this.longWrite })
    // Words given as English text would leave a translated sentence half in English: those stay English whole.
    throw new AppError('BUSY', typeof this.longWrite === 'string' ? english(refusal) : refusal)
  }

  /** For reads only (lists, facets, reports): sees committed data, even while an import is running. */
  get reader(): WorkspaceDb {
    return this.requireOpen().reader
  }

  get db(): WorkspaceDb {
    return this.requireOpen().db
  }

  now(): Date {
    return this.ports.now?.() ?? new Date()
  }

  defaultPathFor(name: string): string {
    return join(this.workspacesDirectory, fileNameFor(name))
  }

  status(): WorkspaceStatus {
    if (this.current) return { open: true, workspace: this.summary() }
    return this.locked ? { open: false, locked: { ...this.locked } } : { open: false }
  }

  get isLocked(): boolean {
    return this.locked !== null
  }

  get isBusy(): boolean {
    return this.longWrite !== null
  }

  /**
   * Locks the workspace: both connections close, so SQLite forgets the key, and this object forgets it too. Refused
   * while a long write runs (closing would roll it back); the idle lock waits for it instead.
   */
  lock(): boolean {
    if (!this.current) return false
    this.assertIdle()
    const { path, protection } = this.current
    const name = this.summary().name
    this.release()
    this.locked = { name, path, protection }
    this.events.emit('workspace.changed', this.status())
    return true
  }

  /** Reopens the locked workspace with a key proven the usual way (a wrong one changes nothing). */
  unlock(key: KeyMaterial): WorkspaceSummary {
    if (!this.locked) throw new AppError('INVALID_INPUT', message('workspace.errors.notLocked'))
    const { path, protection } = this.locked
    return this.open(path, key, protection)
  }

  get lockedWorkspace(): { name: string; path: string; protection: Protection } | null {
    return this.locked
  }

  summary(): WorkspaceSummary {
    const { reader: db, path, protection } = this.requireOpen()
    const meta = new Map(
      (db.prepare('SELECT key, value FROM workspace_meta').all() as { key: string; value: string }[]).map(
        (r) => [r.key, r.value],
      ),
    )
    const peopleCount = (db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n
    return {
      path,
      name: meta.get('name') ?? basename(path, extname(path)),
      createdAt: meta.get('created_at') ?? new Date(0).toISOString(),
      schemaVersion: schemaVersion(db),
      protection,
      peopleCount,
    }
  }

  create(options: {
    name: string
    path?: string | undefined
    key: KeyMaterial
    protection: Protection
  }): WorkspaceSummary {
    const path = resolve(options.path ?? this.defaultPathFor(options.name))
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
    const db = openWorkspaceDb(path, options.key, { create: true })
    try {
      // Encrypted or not, a file about people's careers is for its owner's eyes; SQLite gives -wal/-shm the same mode.
      if (process.platform !== 'win32') chmodSync(path, 0o600)
      migrate(db)
      const createdAt = this.now()
      db.transaction(() => {
        const insert = db.prepare('INSERT INTO workspace_meta (key, value) VALUES (?, ?)')
        insert.run('name', options.name)
        insert.run('created_at', createdAt.toISOString())
        appendAudit(
          db,
          {
            actor: this.ports.actor,
            action: 'workspace.create',
            entityType: 'workspace',
            after: { name: options.name },
          },
          createdAt,
        )
      })()
    } catch (error) {
      db.close()
      throw error
    }
    return this.adopt({ db, path, protection: options.protection, key: options.key }, options.key)
  }

  open(path: string, key: KeyMaterial, protection: Protection): WorkspaceSummary {
    const absolute = resolve(path)
    try {
      return this.openWhole(absolute, key, protection)
    } catch (error) {
      throw this.damageOf(error, absolute, key) ?? error
    }
  }

  /**
   * A damaged file's error as the person needs it: the file named, what is wrong, and the newest automatic backup
   * that verifies under the same key to restore (undefined for any other error). SQLite's own "malformed" or "not a
   * database" from any query on the open workspace comes here too (see createServices), so it is never INTERNAL.
   */
  damageOf(error: unknown, path?: string, key?: KeyMaterial): AppError | undefined {
    const file = path ?? this.current?.path
    const fileKey = key ?? this.current?.key
    if (file === undefined || fileKey === undefined) return undefined
    const damage =
      error instanceof WorkspaceDamagedError
        ? error
        : isDamageError(error)
          ? new WorkspaceDamagedError(file, malformedFinding(error))
          : undefined
    if (!damage) return undefined
    const backup = newestVerifiedBackup(this.ports.dataDirectory, damage.path, fileKey)
    return new AppError(
      'WORKSPACE_DAMAGED',
      backup
        ? message('workspace.errors.damagedRestore', {
            path: damage.path,
            problem: damage.finding.text,
            backup: backup.path,
            createdAt: backup.createdAt,
          })
        : message('workspace.errors.damagedNoBackup', { path: damage.path, problem: damage.finding.text }),
      { ...damage.details, backup: backup?.path ?? null },
    )
  }

  private openWhole(absolute: string, key: KeyMaterial, protection: Protection): WorkspaceSummary {
    const db = openWorkspaceDb(absolute, key, { create: false })
    try {
      const from = schemaVersion(db)
      // An upgrade is the one change the user did not ask for: the workspace as it was is kept first.
      if (from > 0 && from < LATEST_SCHEMA_VERSION) {
        writeRollingBackup(db, {
          dataDirectory: this.ports.dataDirectory,
          workspacePath: absolute,
          reason: 'before-migration',
          at: this.now(),
          keep: backupsKept(db),
        })
      }
      migrate(db)
    } catch (error) {
      db.close()
      throw error
    }
    return this.adopt({ db, path: absolute, protection, key }, key)
  }

  close(): boolean {
    if (this.locked && !this.current) {
      this.locked = null
      this.events.emit('workspace.changed', { open: false })
      return true
    }
    if (!this.release()) return false
    this.events.emit('workspace.changed', { open: false })
    return true
  }

  /** Closes the connections without telling the screens (a restore reopens at once: no "closed" in between). */
  release(): boolean {
    if (!this.current) return false
    this.current.reader.close()
    this.current.db.close()
    this.current = null
    return true
  }

  changePassphrase(current: string, next: KeyMaterial): WorkspaceSummary {
    const open = this.requireOpen()
    if (open.protection !== 'passphrase') {
      throw new AppError(
        'INVALID_INPUT',
        message(
          open.protection === 'os-keychain'
            ? 'workspace.errors.keychainNoPassphrase'
            : 'workspace.errors.keyFileNoPassphrase',
        ),
      )
    }
    // Prove the current passphrase on a second connection: the open one is already keyed and proves nothing.
    openWorkspaceDb(open.path, passphraseKey(current), { create: false }).close()
    rekeyWorkspaceDb(open.db, next)
    // The reader still holds the old key: reopen it with the new one.
    open.reader.close()
    open.reader = openWorkspaceDb(open.path, next, { create: false, readOnly: true })
    pairReader(open.reader, open.db)
    open.key = next
    appendAudit(
      open.db,
      { actor: this.ports.actor, action: 'workspace.changePassphrase', entityType: 'workspace' },
      this.now(),
    )
    return this.summary()
  }

  list(): { directory: string; workspaces: ListedWorkspace[] } {
    const directory = this.workspacesDirectory
    const inDirectory = existsSync(directory)
      ? readdirSync(directory)
          .filter((f) => f.endsWith(WORKSPACE_EXTENSION))
          .map((f) => join(directory, f))
      : []
    const paths = [...new Set([...this.recent.list(), ...inDirectory])].filter((p) => existsSync(p))
    return {
      directory,
      workspaces: paths.map((path) => {
        const stat = statSync(path)
        return {
          path,
          name: basename(path, extname(path)),
          modifiedAt: stat.mtime.toISOString(),
          sizeBytes: stat.size,
          protection: hasKeychainSidecar(path) ? 'os-keychain' : null,
        }
      }),
    }
  }

  private adopt(open: Omit<OpenWorkspace, 'reader'>, key: KeyMaterial): WorkspaceSummary {
    if (this.current) this.close()
    let reader: WorkspaceDb
    try {
      reader = openWorkspaceDb(open.path, key, { create: false, readOnly: true })
    } catch (error) {
      open.db.close()
      throw error
    }
    pairReader(reader, open.db)
    this.current = { ...open, reader }
    this.locked = null
    this.recent.remember(open.path)
    const summary = this.summary()
    this.events.emit('workspace.changed', { open: true, workspace: summary })
    return summary
  }

  /** The open workspace's connections, file, key and protection (for backups and restore). */
  requireOpen(): OpenWorkspace {
    if (!this.current && this.locked)
      throw new AppError('WORKSPACE_LOCKED', message('workspace.errors.locked', { name: this.locked.name }))
    // Its envelope stays code and English text (the browser host's callers match it whole); the renderer knows the
    // sentence and shows it translated (components/errorText).
    if (!this.current) throw new AppError('NO_WORKSPACE', english(message('workspace.errors.noWorkspace')))
    return this.current
  }
}

export interface ListedWorkspace {
  path: string
  name: string
  modifiedAt: string
  sizeBytes: number
  protection: Protection | null
}
