import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { TOKEN_HEADER } from '../shared/rpc/transport'

/**
 * The three checks that make a loopback HTTP server safe enough for one local user: the Host header must name
 * this server (defeats DNS rebinding), a browser-sent Origin must be ours (defeats other sites' pages), and
 * every API call must carry the token printed at start-up (defeats other local processes and users).
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`])
}

export function checkHost(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host
  return host !== undefined && allowedHosts(port).has(host.toLowerCase())
}

export function checkOrigin(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin
  if (origin === undefined) return true // same-origin GETs and non-browser clients send none; the token still applies
  return [...allowedHosts(port)].some((host) => origin === `http://${host}`)
}

export function checkToken(request: IncomingMessage, token: string): boolean {
  const sent = request.headers[TOKEN_HEADER]
  if (typeof sent !== 'string') return false
  const a = Buffer.from(sent)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Served with every page: the renderer loads nothing from anywhere but this server. */
export { RENDERER_CSP as CONTENT_SECURITY_POLICY } from '../shared/csp'
