import { changeStamp, writerFor } from '../../db/changeStamp'
import type { WorkspaceDb } from '../../db/openWorkspaceDb'

/**
 * What a session's view is built from, kept between calls while no row of the workspace changed: the members with
 * every record (two seconds to read at 50,000 people), their managers' names, the org chain, each member's box as
 * the data places it. A meeting's own writes (moves, undo, flags, notes, discussed marks, status) change none of
 * these, so they keep the cache (see sessionStateWrite); any other write, here or in another process, drops it.
 * The members of a 50,000-person session take ~150 MB of heap: only the two sessions used last are kept.
 */
interface Entry {
  stamp: string
  values: Map<string, unknown>
}

const KEPT_SESSIONS = 2
const caches = new WeakMap<WorkspaceDb, Map<string, Entry>>()

function entryFor(db: WorkspaceDb, sessionId: string, stamp: string): Entry {
  const writer = writerFor(db)
  let sessions = caches.get(writer)
  if (!sessions) caches.set(writer, (sessions = new Map()))
  let entry = sessions.get(sessionId)
  if (entry?.stamp !== stamp) entry = { stamp, values: new Map() }
  // Most recently used last, so the first key is the one to drop.
  sessions.delete(sessionId)
  sessions.set(sessionId, entry)
  while (sessions.size > KEPT_SESSIONS) sessions.delete(sessions.keys().next().value as string)
  return entry
}

/** A value derived from the session's stored rows: built once, then reused until a row may have changed. */
export function sessionMemo<T>(db: WorkspaceDb, sessionId: string, key: string, build: () => T): T {
  const stamp = changeStamp(db)
  if (stamp === null) return build()
  const entry = entryFor(db, sessionId, stamp)
  if (entry.values.has(key)) return entry.values.get(key) as T
  const value = build()
  entry.values.set(key, value)
  return value
}

/** A value kept earlier, if it is still valid; never builds. */
export function sessionMemoIfKept<T>(db: WorkspaceDb, sessionId: string, key: string): T | undefined {
  const stamp = changeStamp(db)
  const entry = caches.get(writerFor(db))?.get(sessionId)
  return stamp !== null && entry?.stamp === stamp ? (entry.values.get(key) as T | undefined) : undefined
}

/** Keeps a value derived while building something else (a view's computed boxes), if the cache is still valid. */
export function keepInSession(db: WorkspaceDb, sessionId: string, key: string, value: unknown): void {
  const stamp = changeStamp(db)
  if (stamp !== null) entryFor(db, sessionId, stamp).values.set(key, value)
}

/**
 * Runs a write that touches only calibration sessions' own state (moves, steps, flag states, notes, discussed,
 * blind, status): the values derived from people and records stay valid, so the cache moves on to the new stamp
 * instead of being dropped. Only when nothing else had changed since the cache was filled, or it would carry over a
 * change it never saw.
 */
export function sessionStateWrite<T>(db: WorkspaceDb, write: () => T): T {
  const before = changeStamp(db)
  const result = write()
  const after = changeStamp(db)
  if (before === null || after === null || before === after) return result
  for (const entry of caches.get(writerFor(db))?.values() ?? [])
    if (entry.stamp === before) entry.stamp = after
  return result
}
