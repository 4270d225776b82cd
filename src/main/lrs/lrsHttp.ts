import { message } from '../../shared/i18n/translate'
import { AppError } from '../../shared/result'
import { retryDelay } from '../../core/xapi/lrsPaging'
import { withoutPrototypes } from '../../core/xapi/strictJson'

export const XAPI_VERSION = '1.0.3'

export interface LrsCredentials {
  endpoint: string
  key: string
  secret: string
}

/** An LRS answer: the parsed body, its text (for the duplicate-key check) and the consistency header. */
export interface LrsAnswer {
  /** Parsed without prototypes ("__proto__" stays data): what the pull reads. */
  body: unknown
  /** The same parse as ordinary objects, for the validator, the fingerprint and the stored JSON only. */
  plain: unknown
  text: string
  /** X-Experience-API-Consistent-Through: no statement stored before it can still appear. */
  consistentThrough: string | null
}

export interface RequestOptions {
  signal?: AbortSignal | undefined
  /** Per request; a server that does not answer in time counts as unavailable (and is retried). */
  timeoutMs?: number
  /** Retries after a 5xx, a 429, a timeout or a dropped connection; 401/403/400 are never retried. */
  maxRetries?: number
  retryBaseMs?: number
  onRetry?: (attempt: number, reason: string) => void
}

const host = (url: string): string => new URL(url).host

function cancelled(): AppError {
  return new AppError('CANCELLED', message('lrs.errors.cancelled'))
}

async function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0) return
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(done, ms)
    function done(): void {
      signal?.removeEventListener('abort', abort)
      resolve()
    }
    function abort(): void {
      clearTimeout(timer)
      reject(cancelled())
    }
    signal?.addEventListener('abort', abort, { once: true })
  })
}

/** The server's own words for a 400, if it gave any (Learning Locker, Yet, Veracity all answer `{ message }`). */
function serverMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>
    const text = parsed['message'] ?? parsed['error'] ?? parsed['warnings']
    if (typeof text === 'string' && text.trim() !== '') return text.trim().slice(0, 500)
    if (text !== undefined) return JSON.stringify(text).slice(0, 500)
  } catch {
    // not JSON: the text itself
  }
  return body.trim().slice(0, 500) || '(no message)'
}

/**
 * GETs a JSON document from the LRS with Basic auth and the xAPI version header. Auth failures and refused
 * requests fail at once with what to do; server errors, timeouts and dropped connections are retried with
 * backoff and then fail as LRS_UNAVAILABLE. The secret never appears in a message.
 */
export async function getLrsJson(
  url: string,
  credentials: LrsCredentials,
  options: RequestOptions = {},
): Promise<LrsAnswer> {
  const { signal, timeoutMs = 30_000, maxRetries = 4, retryBaseMs = 500 } = options
  const authorization = `Basic ${Buffer.from(`${credentials.key}:${credentials.secret}`).toString('base64')}`
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw cancelled()
    let failure: string
    let retryAfterMs = 0
    try {
      const timeout = AbortSignal.timeout(timeoutMs)
      const response = await fetch(url, {
        headers: {
          Authorization: authorization,
          'X-Experience-API-Version': XAPI_VERSION,
          Accept: 'application/json',
        },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        redirect: 'manual',
      })
      const body = await response.text()
      if (response.ok) {
        try {
          const plain = JSON.parse(body) as unknown
          return {
            body: withoutPrototypes(plain),
            plain,
            text: body,
            consistentThrough: response.headers.get('X-Experience-API-Consistent-Through'),
          }
        } catch {
          throw new AppError('LRS_BAD_PAGE', message('lrs.errors.notJson', { host: host(url) }), {
            url: redactUrl(url),
          })
        }
      }
      // Credentials go to the endpoint only: a redirect is reported, never followed.
      if (response.status >= 300 && response.status < 400)
        throw new AppError(
          'LRS_REFUSED',
          message('lrs.errors.redirect', {
            host: host(url),
            status: response.status,
            location: response.headers.get('location') ?? '?',
          }),
          { status: response.status },
        )
      if (response.status === 401 || response.status === 403)
        throw new AppError(
          'LRS_AUTH',
          message('lrs.errors.auth', { host: host(url), status: response.status }),
          { status: response.status },
        )
      if (response.status >= 400 && response.status < 500 && response.status !== 429)
        throw new AppError(
          'LRS_REFUSED',
          message('lrs.errors.refused', {
            host: host(url),
            status: response.status,
            server: serverMessage(body),
          }),
          { status: response.status },
        )
      failure = `HTTP ${response.status}`
      // A server that says how long to wait (429, 503) is believed, up to a minute.
      retryAfterMs = Math.min(Number(response.headers.get('retry-after')) * 1000 || 0, 60_000)
    } catch (error) {
      if (error instanceof AppError) throw error
      if (signal?.aborted) throw cancelled()
      const e = error as Error & { cause?: { code?: string } }
      failure =
        e.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : (e.cause?.code ?? e.message)
    }
    const wait = retryDelay(attempt, maxRetries, retryBaseMs)
    if (wait === null)
      throw new AppError(
        'LRS_UNAVAILABLE',
        message('lrs.errors.unavailable', { host: host(url), attempts: attempt, reason: failure }),
        { reason: failure },
      )
    options.onRetry?.(attempt, failure)
    await sleep(Math.max(wait, retryAfterMs), signal)
  }
}

/** An address fit for a message or log: the query (cursors, filters) is kept, any user:password is not. */
export function redactUrl(url: string): string {
  const u = new URL(url)
  u.username = ''
  u.password = ''
  return u.toString()
}
