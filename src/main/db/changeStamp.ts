import type { WorkspaceDb } from './openWorkspaceDb'

/** The writing connection each read-only connection reads behind (the workspace session pairs them). */
const writerOf = new WeakMap<WorkspaceDb, WorkspaceDb>()

export function pairReader(reader: WorkspaceDb, writer: WorkspaceDb): void {
  writerOf.set(reader, writer)
}

/** The connection whose writes a cache must watch: the writer itself, or the one a reader was paired with. */
export function writerFor(db: WorkspaceDb): WorkspaceDb {
  return writerOf.get(db) ?? db
}

/**
 * A stamp that changes whenever any row of the workspace may have changed: this process's writes (SQLite's
 * total_changes on the writer, which counts every inserted, updated or deleted row, triggers included) and every
 * other process's commits (data_version on the writer, which moves only for commits by other connections). Null
 * while the writer has a transaction open: what a reader sees then may change at the commit without the stamp
 * moving, so nothing may be cached on it.
 */
export function changeStamp(db: WorkspaceDb): string | null {
  const writer = writerFor(db)
  if (!writer.open || writer.inTransaction) return null
  const changes = writer.prepare('SELECT total_changes()').pluck().get() as number
  return `${changes}:${String(writer.pragma('data_version', { simple: true }))}`
}
