import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import type { WorkspaceDb } from './openWorkspaceDb'

/**
 * Runs long write work (imports, demo data) as one all-or-nothing transaction that still lets the process breathe:
 * `breathe()` yields to the event loop so progress events flush and a `jobs.cancel` call can arrive. Anything
 * thrown — a cancel, a bad row, a crash of our own — rolls the whole transaction back.
 */
export async function inLongTransaction<T>(
  db: WorkspaceDb,
  work: (breathe: () => Promise<void>) => Promise<T>,
): Promise<T> {
  db.exec('BEGIN IMMEDIATE')
  try {
    const result = await work(() => yieldToEventLoop())
    db.exec('COMMIT')
    return result
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK')
    throw error
  }
}
