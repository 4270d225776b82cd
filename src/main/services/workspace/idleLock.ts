import type { WorkspaceDb } from '../../db/openWorkspaceDb'
import type { WorkspaceSession } from './workspaceSession'

export const DEFAULT_IDLE_LOCK_MINUTES = 10
export const IDLE_LOCK_KEY = 'lock.idleMinutes'
/** How often the lock looks at the clock: a lock lands at most this late. */
export const IDLE_CHECK_MS = 15_000

/** Calls that are not the user at work: the app asking how things stand. */
const PASSIVE = new Set(['app.info', 'workspace.status'])

export function idleLockMinutes(db: WorkspaceDb): number {
  const row = db.prepare('SELECT value FROM workspace_meta WHERE key = ?').get(IDLE_LOCK_KEY) as
    { value: string } | undefined
  const n = Number(row?.value)
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_IDLE_LOCK_MINUTES
}

/**
 * Locks the workspace after N minutes without the user: no input reported by the screen and no call made. It runs
 * in the services, not the screen, so the key is dropped even when the window or tab that held it is gone.
 */
export class IdleLock {
  private last: number

  constructor(
    private readonly session: WorkspaceSession,
    private readonly now: () => Date,
  ) {
    this.last = now().getTime()
  }

  /** A call arrived: unless it is passive, the user is here. */
  noticeCall(method: string): void {
    if (!PASSIVE.has(method)) this.touch()
  }

  touch(): void {
    this.last = this.now().getTime()
  }

  /** Locks if the user has been away long enough; a long write in progress keeps it open until it ends. */
  lockIfIdle(): boolean {
    const status = this.session.status()
    if (!status.open || this.session.isBusy) return false
    const minutes = idleLockMinutes(this.session.reader)
    if (this.now().getTime() - this.last < minutes * 60_000) return false
    return this.session.lock()
  }
}
