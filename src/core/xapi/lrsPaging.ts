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

/**
 * Whether a page continues in ascending order after the page before it (whose newest `stored` time is
 * `previousNewest`): its own times never go down, and none is older than the previous page's newest. Only then is
 * the previous page's newest time a safe checkpoint — a one-statement page alone cannot show the order.
 */
export function continuesAscending(
  statements: readonly Record<string, unknown>[],
  previousNewest: string | null,
): boolean {
  if (!isAscending(statements)) return false
  if (previousNewest === null) return true
  const limit = Date.parse(previousNewest)
  return statements.every((s) => {
    const time = typeof s['stored'] === 'string' ? Date.parse(s['stored']) : NaN
    return Number.isNaN(time) || time >= limit
  })
}

/** True when the page's `stored` times never go down: only then may the checkpoint follow it page by page. */
export function isAscending(statements: readonly Record<string, unknown>[]): boolean {
  let last = -Infinity
  for (const s of statements) {
    const time = typeof s['stored'] === 'string' ? Date.parse(s['stored']) : NaN
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
