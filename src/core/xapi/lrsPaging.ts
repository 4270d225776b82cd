/**
 * The rules of pulling from a Learning Record Store, kept pure so they are tested on their own: how `since` is
 * written, how far the checkpoint may move after a page, and how long to wait between retries. (Addresses are
 * built in src/main/lrs/pageUrls.ts: they need the URL parser.)
 */

/**
 * `since` in the one form every LRS compares correctly: UTC with exactly three fractional digits and `Z`. Some
 * servers compare it as text, so `2026-01-01T10:00:00+01:00` or a missing millisecond part would select the
 * wrong statements there.
 */
export function canonicalSince(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${String(value)}`)
  return date.toISOString()
}

/** The newest `stored` time among a page's statements, or null when none carries one. */
export function newestStored(statements: readonly Record<string, unknown>[]): string | null {
  let newest: string | null = null
  for (const s of statements) {
    const stored = s['stored']
    if (typeof stored !== 'string') continue
    const time = Date.parse(stored)
    if (Number.isNaN(time)) continue
    const iso = new Date(time).toISOString()
    if (newest === null || iso > newest) newest = iso
  }
  return newest
}

const storedTime = (s: Record<string, unknown>): number =>
  typeof s['stored'] === 'string' ? Date.parse(s['stored']) : NaN

/**
 * Follows the `stored` order of a pull's pages to say how far the checkpoint may safely move. While pages arrive,
 * it may move to the newest time of the pages before the current one, and only once the order is proven
 * ascending: never a decrease, and at least one strict increase (equal times prove nothing — an LRS gives every
 * statement of one POST the same `stored`). It never passes the server's X-Experience-API-Consistent-Through:
 * on a cluster, a statement stored earlier can still become visible until then.
 */
export class StoredOrder {
  private newest = -Infinity
  private beforePage = -Infinity
  private increased = false
  private broken = false

  /** Call with each page as it arrives, before it is committed. */
  observe(statements: readonly Record<string, unknown>[]): void {
    this.beforePage = this.newest
    for (const s of statements) {
      const time = storedTime(s)
      if (Number.isNaN(time)) continue
      if (time < this.newest) this.broken = true
      else if (time > this.newest && this.newest !== -Infinity) this.increased = true
      this.newest = Math.max(this.newest, time)
    }
  }

  /** The checkpoint to commit with the current page, or null to leave it where it is. */
  whilePaging(consistentThrough: string | null): string | null {
    if (this.broken || !this.increased || this.beforePage === -Infinity) return null
    return capped(this.beforePage, consistentThrough)
  }

  /** Once every page is in (whatever the order): the newest time seen, or null if there was none. */
  complete(consistentThrough: string | null): string | null {
    return this.newest === -Infinity ? null : capped(this.newest, consistentThrough)
  }
}

function capped(time: number, consistentThrough: string | null): string {
  const limit = consistentThrough === null ? NaN : Date.parse(consistentThrough)
  return new Date(Number.isNaN(limit) ? time : Math.min(time, limit)).toISOString()
}

/** True when the page's `stored` times never go down. */
export function isAscending(statements: readonly Record<string, unknown>[]): boolean {
  let last = -Infinity
  for (const s of statements) {
    const time = storedTime(s)
    if (Number.isNaN(time)) continue
    if (time < last) return false
    last = time
  }
  return true
}

/**
 * Where the next pull starts: one millisecond before the checkpoint. Statements stored in the same millisecond
 * as the last one committed may sit on the next page, and `since` is exclusive; asking from a millisecond
 * earlier gets them, and the ones already stored come back as duplicates, which dedupe by id drops.
 */
export function resumeSince(checkpoint: string | null): string | null {
  return checkpoint === null ? null : new Date(Date.parse(checkpoint) - 1).toISOString()
}

/** Waits before retry n (1-based): 0.5 s, 1 s, 2 s, 4 s … capped at 8 s; `null` when no retry is left. */
export function retryDelay(attempt: number, maxRetries: number, baseMs = 500): number | null {
  if (attempt > maxRetries) return null
  return Math.min(baseMs * 2 ** (attempt - 1), 8_000)
}
