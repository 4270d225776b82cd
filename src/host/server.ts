import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { Result } from '../shared/result'
import type { Services } from '../main/services/createServices'
import { BYTES_FIELD, INPUT_HEADER, OUTPUT_HEADER, splitBytes } from '../shared/rpc/bytes'
import { checkHost, checkOrigin, checkToken, CONTENT_SECURITY_POLICY } from './security'

const MAX_BODY_BYTES = 1024 * 1024
/** Uploads (files to import) come as raw bytes and may be large; everything else is small JSON. */
const MAX_UPLOAD_BYTES = 512 * 1024 * 1024
const HEARTBEAT_MS = 15_000

/**
 * How long a client may take to send a request. A client that trickles its headers or body (a few bytes now and
 * then) would otherwise hold a connection and its buffers forever; these cut it while other clients are served.
 */
export interface HostTimeouts {
  /** All request headers (node's `server.headersTimeout`). */
  headersMs: number
  /** The whole request, headers and body, uploads included (node's `server.requestTimeout`). */
  requestMs: number
  /** The body of a JSON call, from the end of its headers. */
  bodyMs: number
  /** The body of an upload (a file to import), from the end of its headers. */
  uploadMs: number
  /** How often node looks for requests past `headersMs`/`requestMs`. */
  checkIntervalMs: number
}

export const DEFAULT_TIMEOUTS: HostTimeouts = {
  headersMs: 10_000,
  requestMs: 10 * 60_000,
  bodyMs: 30_000,
  uploadMs: 5 * 60_000,
  checkIntervalMs: 1_000,
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

export interface HostServer {
  readonly server: Server
  readonly port: number
  readonly url: string
  close(): Promise<void>
}

export interface HostServerOptions {
  services: Pick<Services, 'httpDispatcher' | 'events'>
  /** The built renderer (out/renderer). */
  rendererDirectory: string
  token: string
  /** 0 picks a free port. */
  port?: number
  /** Shorter ones in tests; see `DEFAULT_TIMEOUTS`. */
  timeouts?: Partial<HostTimeouts>
}

function send(
  response: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
): void {
  response.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  response.end(body)
}

function sendResult(response: ServerResponse, result: Result<unknown>): void {
  const download = result.ok ? splitBytes(result.value) : null
  if (download) {
    response.writeHead(200, {
      'content-type': 'application/octet-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      [OUTPUT_HEADER]: encodeURIComponent(JSON.stringify(download.rest)),
    })
    response.end(download.bytes)
    return
  }
  send(response, 200, JSON.stringify(result), 'application/json; charset=utf-8')
}

type BodyRead = Buffer | 'too-large' | 'too-slow'

async function collect(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) return 'too-large'
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/** The request body, unless it is larger than `limit` or has not all arrived within `deadlineMs`. */
async function readBody(request: IncomingMessage, limit: number, deadlineMs: number): Promise<BodyRead> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > limit) return 'too-large'
  let timer: NodeJS.Timeout | undefined
  const reading = collect(request, limit)
  // Once the deadline has passed the connection is closed, which ends this read with an error nobody awaits.
  reading.catch(() => undefined)
  const late = new Promise<'too-slow'>((resolve) => {
    timer = setTimeout(() => resolve('too-slow'), deadlineMs)
  })
  try {
    return await Promise.race([reading, late])
  } finally {
    clearTimeout(timer)
  }
}

/** Answers a body that was too large, or too slow: then the connection closes, as the rest of it is not wanted. */
function refuseBody(response: ServerResponse, read: 'too-large' | 'too-slow', what: string): void {
  if (read === 'too-large') return send(response, 413, `${what} too large`)
  response.writeHead(408, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    connection: 'close',
  })
  response.end(`${what} too slow: the body did not arrive in time`, () => response.socket?.destroy())
}

/** The input of an upload: JSON fields from the header, the file as the body. */
async function readUpload(
  request: IncomingMessage,
  deadlineMs: number,
): Promise<{ input: unknown } | { status: number; message: string } | { refused: 'too-large' | 'too-slow' }> {
  let fields: unknown
  try {
    fields = JSON.parse(decodeURIComponent(String(request.headers[INPUT_HEADER] ?? '%7B%7D')))
  } catch {
    return { status: 400, message: `The ${INPUT_HEADER} header is not URI-encoded JSON.` }
  }
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    return { status: 400, message: `The ${INPUT_HEADER} header must hold a JSON object.` }
  }
  const body = await readBody(request, MAX_UPLOAD_BYTES, deadlineMs)
  if (!Buffer.isBuffer(body)) return { refused: body }
  return { input: { ...fields, [BYTES_FIELD]: new Uint8Array(body.buffer, body.byteOffset, body.length) } }
}

/**
 * The browser host: serves the built renderer and the contract over HTTP on 127.0.0.1. API calls are
 * `POST /rpc/<method>` with a JSON body and always answer 200 with the Result envelope once the request itself
 * is acceptable; events stream from `GET /events` as Server-Sent Events.
 */
export async function startHostServer(options: HostServerOptions): Promise<HostServer> {
  const rendererRoot = resolve(options.rendererDirectory)
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts }
  let port = 0
  const streams = new Set<ServerResponse>()

  const unsubscribe = options.services.events.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
    for (const stream of streams) stream.write(frame)
  })

  const serveStatic = (request: IncomingMessage, response: ServerResponse, pathname: string): void => {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '')
    const file = normalize(join(rendererRoot, relative))
    if (!file.startsWith(rendererRoot + sep) || !existsSync(file) || !statSync(file).isFile()) {
      send(response, 404, 'Not found')
      return
    }
    response.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cache-control': relative === 'index.html' ? 'no-store' : 'public, max-age=3600',
    })
    response.end(request.method === 'HEAD' ? undefined : readFileSync(file))
  }

  const openEventStream = (request: IncomingMessage, response: ServerResponse): void => {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    })
    response.write(': connected\n\n')
    streams.add(response)
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS)
    request.on('close', () => {
      clearInterval(heartbeat)
      streams.delete(response)
    })
  }

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (!checkHost(request, port)) return send(response, 403, 'Forbidden: unexpected Host header')
    if (!checkOrigin(request, port)) return send(response, 403, 'Forbidden: foreign Origin')
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname

    if (pathname.startsWith('/rpc/') || pathname === '/events') {
      if (!checkToken(request, options.token))
        return send(response, 401, 'Unauthorized: missing or wrong token')
      if (pathname === '/events') {
        if (request.method !== 'GET') return send(response, 405, 'Method not allowed')
        return openEventStream(request, response)
      }
      if (request.method !== 'POST') return send(response, 405, 'Method not allowed')
      const method = decodeURIComponent(pathname.slice('/rpc/'.length))
      const type = request.headers['content-type'] ?? ''
      if (type.startsWith('application/octet-stream')) {
        const upload = await readUpload(request, timeouts.uploadMs)
        if ('refused' in upload) return refuseBody(response, upload.refused, 'Upload')
        if ('status' in upload) return send(response, upload.status, upload.message)
        return sendResult(response, await options.services.httpDispatcher.dispatch(method, upload.input))
      }
      if (!type.startsWith('application/json')) {
        return send(response, 415, 'Send application/json (or application/octet-stream for an upload)')
      }
      const body = await readBody(request, MAX_BODY_BYTES, timeouts.bodyMs)
      if (!Buffer.isBuffer(body)) return refuseBody(response, body, 'Request')
      let input: unknown
      try {
        input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'))
      } catch {
        return sendResult(response, {
          ok: false,
          error: { code: 'INVALID_INPUT', message: 'The request body is not valid JSON.' },
        })
      }
      return sendResult(response, await options.services.httpDispatcher.dispatch(method, input))
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, 'Method not allowed')
    return serveStatic(request, response, pathname)
  }

  const server = createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: timeouts.checkIntervalMs,
    },
    (request, response) => {
      handle(request, response).catch(() => {
        if (!response.headersSent) send(response, 500, 'Internal error')
        else response.end()
      })
    },
  )
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen())
  })
  port = (server.address() as AddressInfo).port

  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      unsubscribe()
      for (const stream of streams) stream.end()
      streams.clear()
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
    },
  }
}
