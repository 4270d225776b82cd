import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHostServer, type HostServer } from '../../src/host/server'
import type { Services } from '../../src/main/services/createServices'
import { testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()
const TOKEN = 'per-run-token-for-the-security-tests'

interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** node:http rather than fetch, so the test can forge the Host header the way a DNS-rebinding page would. */
function raw(
  host: HostServer,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          body += chunk
          if (res.headers['content-type']?.startsWith('text/event-stream')) res.destroy()
        })
        res.on('close', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const rpc = (host: HostServer, headers: Record<string, string>, body = '{}') =>
  raw(host, {
    method: 'POST',
    path: '/rpc/app.info',
    headers: { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', ...headers },
    body,
  })

describe('browser host security', () => {
  let services: Services
  let host: HostServer

  beforeAll(async () => {
    services = testServices(tempDir())
    host = await startHostServer({
      services,
      rendererDirectory: join(import.meta.dirname, '..', '..', 'out', 'renderer'),
      token: TOKEN,
    })
  })
  afterAll(async () => {
    await host.close()
    services.dispose()
  })

  it('listens on 127.0.0.1 only', () => {
    const address = host.server.address()
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1')
  })

  it('answers a call with the right token', async () => {
    const res = await rpc(host, { 'x-ninefold-token': TOKEN })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { name: 'Ninefold' } })
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('refuses a call without a token, or with a wrong one, with 401', async () => {
    expect((await rpc(host, {})).status).toBe(401)
    expect((await rpc(host, { 'x-ninefold-token': `${TOKEN}x` })).status).toBe(401)
    expect((await rpc(host, { 'x-ninefold-token': '' })).status).toBe(401)
  })

  it('refuses a foreign Host header (DNS rebinding) with 403, even with the token', async () => {
    const res = await rpc(host, { 'x-ninefold-token': TOKEN, host: `attacker.example:${host.port}` })
    expect(res.status).toBe(403)
    expect((await rpc(host, { 'x-ninefold-token': TOKEN, host: `127.0.0.1:${host.port + 1}` })).status).toBe(
      403,
    )
    expect((await raw(host, { path: '/', headers: { host: 'attacker.example' } })).status).toBe(403)
  })

  it('refuses a foreign Origin with 403 and accepts its own', async () => {
    expect((await rpc(host, { 'x-ninefold-token': TOKEN, origin: 'https://evil.example' })).status).toBe(403)
    expect((await rpc(host, { 'x-ninefold-token': TOKEN, origin: 'null' })).status).toBe(403)
    expect(
      (await rpc(host, { 'x-ninefold-token': TOKEN, origin: `http://127.0.0.1:${host.port}` })).status,
    ).toBe(200)
    expect(
      (await rpc(host, { 'x-ninefold-token': TOKEN, origin: `http://localhost:${host.port}` })).status,
    ).toBe(200)
  })

  it('serves the app at / without a token, with a strict CSP', async () => {
    const res = await raw(host, { path: '/', headers: { host: `localhost:${host.port}` } })
    expect(res.status).toBe(200)
    expect(res.body).toContain('<div id="root">')
    expect(res.headers['content-security-policy']).toContain("script-src 'self'")
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })

  it('never serves files outside the built renderer', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2Fpackage.json',
      '/assets/../../package.json',
    ]) {
      const res = await raw(host, { path, headers: { host: `127.0.0.1:${host.port}` } })
      expect(res.status, path).toBe(404)
      expect(res.body).not.toContain('"name": "ninefold"')
    }
  })

  it('refuses oversized bodies, non-JSON bodies and GET on the API', async () => {
    expect((await rpc(host, { 'x-ninefold-token': TOKEN }, 'x'.repeat(1024 * 1024 + 1))).status).toBe(413)
    const wrongType = await raw(host, {
      method: 'POST',
      path: '/rpc/app.info',
      headers: { host: `127.0.0.1:${host.port}`, 'x-ninefold-token': TOKEN, 'content-type': 'text/plain' },
      body: '{}',
    })
    expect(wrongType.status).toBe(415)
    const get = await raw(host, {
      path: '/rpc/app.info',
      headers: { host: `127.0.0.1:${host.port}`, 'x-ninefold-token': TOKEN },
    })
    expect(get.status).toBe(405)
    const badJson = await rpc(host, { 'x-ninefold-token': TOKEN }, '{nope')
    expect(JSON.parse(badJson.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('sends no CORS headers: a preflight from another origin gets nothing that would let it call', async () => {
    const preflight = await raw(host, {
      method: 'OPTIONS',
      path: '/rpc/app.info',
      headers: {
        host: `127.0.0.1:${host.port}`,
        origin: 'https://intranet.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-ninefold-token, content-type',
      },
    })
    expect(preflight.status).toBe(403)
    const answered = await rpc(host, { 'x-ninefold-token': TOKEN, origin: `http://127.0.0.1:${host.port}` })
    expect(answered.status).toBe(200)
    for (const response of [preflight, answered]) {
      expect(Object.keys(response.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
    }
  })

  it('guards the event stream with the same token', async () => {
    const denied = await raw(host, { path: '/events', headers: { host: `127.0.0.1:${host.port}` } })
    expect(denied.status).toBe(401)
    const allowed = await raw(host, {
      path: '/events',
      headers: { host: `127.0.0.1:${host.port}`, 'x-ninefold-token': TOKEN },
    })
    expect(allowed.status).toBe(200)
    expect(allowed.headers['content-type']).toMatch(/^text\/event-stream/)
  })

  it('carries service errors in the envelope with their code and message', async () => {
    services.session.close()
    const res = await raw(host, {
      method: 'POST',
      path: '/rpc/people.list',
      headers: {
        host: `127.0.0.1:${host.port}`,
        'x-ninefold-token': TOKEN,
        'content-type': 'application/json',
      },
      body: '{}',
    })
    expect(JSON.parse(res.body)).toEqual({
      ok: false,
      error: { code: 'NO_WORKSPACE', message: 'Open or create a workspace first.' },
    })
  })
})
