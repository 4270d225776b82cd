import { english, message, type Message } from '../../../shared/i18n/translate'
import type { ErrorCode, Result } from '../../../shared/result'
import { BYTES_FIELD, INPUT_HEADER, OUTPUT_HEADER, splitBytes } from '../../../shared/rpc/bytes'
import { TOKEN_HEADER, type EventListener, type Transport } from '../../../shared/rpc/transport'

export interface HttpTransportOptions {
  /** The host's origin with a trailing slash, e.g. `http://127.0.0.1:5173/`. */
  baseUrl: string
  token: string
  fetch?: typeof fetch
}

const RETRY_MS = [500, 1000, 2000, 5000]

/** A transport failure, in English and as a catalogue message the screen shows in the chosen language. */
function failed(code: ErrorCode, text: Message): Result<never> {
  return { ok: false, error: { code, message: english(text), text } }
}

function transportError(status: number): Result<never> {
  if (status === 401) return failed('UNAUTHORIZED', message('common.host.notConnected'))
  if (status === 403) return failed('FORBIDDEN', message('common.host.refused'))
  return failed('INTERNAL', message('common.host.status', { status: String(status) }))
}

/** Parses a Server-Sent Events stream into (event, data) pairs; comments (heartbeats) are skipped. */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: string, data: string) => void,
): Promise<void> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    buffer += decoder.decode(value, { stream: true })
    let boundary: number
    while ((boundary = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, boundary)
      buffer = buffer.slice(boundary + 2)
      let event = 'message'
      const data: string[] = []
      for (const line of frame.split('\n')) {
        if (line.startsWith('event: ')) event = line.slice(7)
        else if (line.startsWith('data: ')) data.push(line.slice(6))
      }
      if (data.length > 0) onEvent(event, data.join('\n'))
    }
  }
}

/**
 * The browser host's transport: `POST /rpc/<method>` for calls, a streamed `GET /events` for events. The token
 * travels in a header (never a cookie or the URL), so another site cannot ride on it.
 */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis)
  const headers = { [TOKEN_HEADER]: options.token }
  return {
    async call(method, input) {
      let response: Response
      const upload = splitBytes(input)
      try {
        response = await doFetch(new URL(`rpc/${encodeURIComponent(method)}`, options.baseUrl), {
          method: 'POST',
          headers: upload
            ? {
                ...headers,
                'content-type': 'application/octet-stream',
                [INPUT_HEADER]: encodeURIComponent(JSON.stringify(upload.rest)),
              }
            : { ...headers, 'content-type': 'application/json' },
          body: upload ? (upload.bytes as Uint8Array<ArrayBuffer>) : JSON.stringify(input ?? {}),
        })
      } catch {
        return failed('INTERNAL', message('common.host.unreachable'))
      }
      if (response.status !== 200) return transportError(response.status)
      const fields = response.headers.get(OUTPUT_HEADER)
      if (fields !== null) {
        const rest = JSON.parse(decodeURIComponent(fields)) as Record<string, unknown>
        return { ok: true, value: { ...rest, [BYTES_FIELD]: new Uint8Array(await response.arrayBuffer()) } }
      }
      return (await response.json()) as Result<unknown>
    },
    subscribe(listener: EventListener) {
      const controller = new AbortController()
      const connect = async (attempt: number): Promise<void> => {
        try {
          const response = await doFetch(new URL('events', options.baseUrl), {
            headers,
            signal: controller.signal,
          })
          if (response.status === 200 && response.body) {
            attempt = 0
            await readEventStream(response.body, (event, data) => listener(event, JSON.parse(data)))
          }
        } catch {
          // dropped connection: fall through to the retry below unless we were asked to stop
        }
        if (controller.signal.aborted) return
        setTimeout(() => void connect(attempt + 1), RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)])
      }
      void connect(0)
      return () => controller.abort()
    },
  }
}
