import { connect, type Socket } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startHostServer, type HostServer } from '../../src/host/server'
import type { Services } from '../../src/main/services/createServices'
import { createHttpTransport } from '../../src/renderer/src/api/httpTransport'
import { createClient } from '../../src/shared/rpc/client'
import { testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()
const TOKEN = 'per-run-token-for-the-timeout-tests'

/** Short limits so a trickling client is cut within a second or two; the defaults are tens of seconds. */
const TIMEOUTS = { headersMs: 600, requestMs: 2_000, bodyMs: 600, uploadMs: 600, checkIntervalMs: 100 }

const started: { host: HostServer; services: Services }[] = []
const sockets: Socket[] = []
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy()
  for (const { host, services } of started.splice(0)) {
    await host.close()
    services.dispose()
  }
})

async function start(): Promise<HostServer> {
  const services = testServices(tempDir())
  const host = await startHostServer({
    services,
    rendererDirectory: join(import.meta.dirname, '..', '..', 'out', 'renderer'),
    token: TOKEN,
    timeouts: TIMEOUTS,
  })
  started.push({ host, services })
  return host
}

/**
 * A client that sends `head` at once and then one byte of `trickle` every 100 ms, for as long as the connection
 * stays open. Resolves with what the server answered (if anything) once the server closes the connection.
 */
function trickle(host: HostServer, head: string, trickle: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(host.port, '127.0.0.1')
    sockets.push(socket)
    let answer = ''
    let at = 0
    const timer = setInterval(() => {
      if (!socket.destroyed && socket.writable) socket.write(trickle[at++ % trickle.length]!)
    }, 100)
    socket.on('connect', () => socket.write(head))
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')))
    socket.on('error', () => undefined) // a reset is one way of being cut
    socket.on('close', () => {
      clearInterval(timer)
      resolve(answer)
    })
    socket.on('timeout', () => reject(new Error('unexpected socket timeout')))
  })
}

const headers = (host: HostServer, extra: string) =>
  `POST /rpc/app.info HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nx-ninefold-token: ${TOKEN}\r\n${extra}`

describe('browser host against slow clients', () => {
  it(
    'cuts a client that trickles its headers, while a normal client is served',
    { timeout: 15_000 },
    async () => {
      const host = await start()
      const cut = trickle(host, headers(host, 'x-slow: '), 'abcdefghij')
      const client = createClient(createHttpTransport({ baseUrl: host.url, token: TOKEN }))
      expect((await client.call('app.info', {})).name).toBe('Ninefold')
      const answer = await cut
      expect(answer).toMatch(/^(HTTP\/1\.1 408 |$)/)
    },
  )

  it(
    'cuts a client that trickles a JSON body, with 408, while a normal client is served',
    { timeout: 15_000 },
    async () => {
      const host = await start()
      const cut = trickle(
        host,
        headers(host, 'content-type: application/json\r\ncontent-length: 1000\r\n\r\n'),
        ' ',
      )
      const client = createClient(createHttpTransport({ baseUrl: host.url, token: TOKEN }))
      expect((await client.call('app.info', {})).name).toBe('Ninefold')
      expect(await cut).toMatch(/^HTTP\/1\.1 408 /)
    },
  )

  it('cuts a client that trickles an upload, with 408', { timeout: 15_000 }, async () => {
    const host = await start()
    const answer = await trickle(
      host,
      headers(host, 'content-type: application/octet-stream\r\ncontent-length: 100000\r\n\r\n'),
      'x',
    )
    expect(answer).toMatch(/^HTTP\/1\.1 408 /)
  })

  it('keeps serving a body that arrives in time', { timeout: 15_000 }, async () => {
    const host = await start()
    const client = createClient(createHttpTransport({ baseUrl: host.url, token: TOKEN }))
    const staged = await client.call('import.stage', {
      fileName: 'people.csv',
      bytes: new TextEncoder().encode('Employee ID,Full Name\n1,Ada\n'),
    })
    expect(staged.size).toBeGreaterThan(0)
  })
})
