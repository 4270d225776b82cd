import { canonicalSince } from '../../core/xapi/lrsPaging'

export interface StatementFilters {
  verb?: string | undefined
  activity?: string | undefined
  relatedActivities?: boolean | undefined
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * Why an endpoint cannot be used, or null: credentials belong in their own fields (in the address they would be
 * shown and logged), and Basic auth over plain http is readable on the network except to this computer.
 */
export function endpointProblem(endpoint: string): 'invalid' | 'credentials' | 'insecure' | null {
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    return 'invalid'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'invalid'
  if (url.username !== '' || url.password !== '') return 'credentials'
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) return 'insecure'
  return null
}

/** The endpoint with exactly one trailing slash, so `statements` and `about` resolve under it. */
export function normaliseEndpoint(endpoint: string): string {
  const url = new URL(endpoint)
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RangeError('not an http(s) address')
  url.search = ''
  url.hash = ''
  if (!url.pathname.endsWith('/')) url.pathname += '/'
  return url.toString()
}

/** The first page's address: ascending from `since`, at most `limit` statements. */
export function firstPageUrl(
  endpoint: string,
  options: { since: string | null; limit: number; filters: StatementFilters },
): string {
  const url = new URL('statements', normaliseEndpoint(endpoint))
  if (options.since !== null) url.searchParams.set('since', canonicalSince(options.since))
  url.searchParams.set('limit', String(options.limit))
  url.searchParams.set('ascending', 'true')
  if (options.filters.verb) url.searchParams.set('verb', options.filters.verb)
  if (options.filters.activity) url.searchParams.set('activity', options.filters.activity)
  if (options.filters.relatedActivities) url.searchParams.set('related_activities', 'true')
  return url.toString()
}

/**
 * The next page's address. xAPI says `more` is relative to the server's origin (not to the endpoint path):
 * `/xAPI/statements?cursor=…` on `https://lrs.example.com/lrs/xAPI/` is `https://lrs.example.com/xAPI/…`.
 * An absolute `more` on another origin is refused, so credentials are never sent elsewhere.
 */
export function nextPageUrl(endpoint: string, more: unknown): string | null {
  if (typeof more !== 'string' || more.trim() === '') return null
  const origin = new URL(endpoint).origin
  const next = new URL(more, origin)
  if (next.origin !== origin)
    throw new RangeError(`the server's "more" points to another site (${next.origin})`)
  return next.toString()
}
