import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import type { Services } from '../../src/main/services/createServices'
import type { AppError } from '../../src/shared/result'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { completion, voiding } from '../support/lrs/realLrs'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

/**
 * LRSs in the field repeat pages, ignore `ascending`, loop their `more`, fail for a while and send broken
 * statements. The real LRS in lrs-pull.test.ts cannot be made to do each on demand, so this server scripts them:
 * each request gets the next scripted answer, and every request is recorded.
 */
type Answer = { status: number; body: unknown }
const tempDir = useTempDirs()
let server: Server | undefined
let services: Services | undefined
afterEach(async () => {
  services?.dispose()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = undefined
})

async function scriptedLrs(
  answers: ((url: URL) => Answer)[],
): Promise<{ endpoint: string; requests: URL[] }> {
  const requests: URL[] = []
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    requests.push(url)
    const answer = answers[Math.min(requests.length - 1, answers.length - 1)]?.(url) ?? {
      status: 500,
      body: {},
    }
    res.writeHead(answer.status, { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' })
    res.end(JSON.stringify(answer.body))
  })
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  return { endpoint: `http://127.0.0.1:${(server?.address() as AddressInfo).port}/xAPI/`, requests }
}

async function workspace(): Promise<{ client: Client; count: (sql: string) => number; emails: string[] }> {
  services = testServices(tempDir(), { lrsHttp: { retryBaseMs: 5, maxRetries: 2, timeoutMs: 2_000 } })
  const s = services
  const client = createClient(createInProcessTransport(s))
  await client.call('workspace.create', { name: 'Field', passphrase: PASSPHRASE })
  await client.call('demo.populate', { people: 200, seed: 5 })
  const emails = (await client.call('people.list', { limit: 20 })).rows.flatMap((p) =>
    p.email ? [p.email] : [],
  )
  return { client, emails, count: (sql) => (s.session.db.prepare(sql).get() as { n: number }).n }
}

const stored = (s: Record<string, unknown>, at: string): Record<string, unknown> => ({ ...s, stored: at })
const page = (statements: unknown[], more = ''): Answer => ({ status: 200, body: { statements, more } })
const rejection = async (call: Promise<unknown>): Promise<AppError> =>
  call.then(
    () => {
      throw new Error('the call succeeded')
    },
    (error: unknown) => error as AppError,
  )

describe('pulling from LRSs as they behave in the field', () => {
  it('stores a statement repeated across pages (or a page served twice) once, and stops a more that loops', async () => {
    const { client, count, emails } = await workspace()
    const a = stored(completion(emails[0] ?? '', 'a', '2026-01-01T00:00:00Z'), '2026-01-01T00:00:01.000Z')
    const b = stored(completion(emails[1] ?? '', 'b', '2026-01-01T00:00:00Z'), '2026-01-01T00:00:02.000Z')
    const c = stored(completion(emails[2] ?? '', 'c', '2026-01-01T00:00:00Z'), '2026-01-01T00:00:03.000Z')
    const { endpoint, requests } = await scriptedLrs([
      () => page([a, b], '/xAPI/statements?cursor=1'),
      () => page([b, c], '/xAPI/statements?cursor=2'),
      () => page([b, c], '/xAPI/statements?cursor=2'),
    ])
    await client.call('lrs.add', { name: 'field', endpoint, key: 'k', secret: 's' })
    const result = await client.call('lrs.pull', { name: 'field', since: '2025-12-31T23:00:00+01:00' })
    expect(result.rows).toMatchObject({ total: 6, inserted: 3, unchanged: 3 })
    expect(result.warnings.map((w) => w.code)).toContain('MORE_REPEATS')
    expect(requests).toHaveLength(3)
    expect(requests[0]?.searchParams.get('since')).toBe('2025-12-31T22:00:00.000Z')
    expect(requests[0]?.searchParams.get('ascending')).toBe('true')
    expect(count('SELECT count(*) AS n FROM xapi_statements')).toBe(3)
  }, 60_000)

  it('keeps the checkpoint until the end when a server pages newest first', async () => {
    const { client, emails } = await workspace()
    const older = stored(completion(emails[0] ?? '', 'a', '2026-01-01T00:00:00Z'), '2026-02-01T00:00:00.000Z')
    const newer = stored(completion(emails[1] ?? '', 'b', '2026-01-01T00:00:00Z'), '2026-03-01T00:00:00.000Z')
    const { endpoint, requests } = await scriptedLrs([
      () => page([newer], '/xAPI/statements?cursor=1'),
      () => ({ status: 503, body: { message: 'busy' } }),
      () => ({ status: 503, body: { message: 'busy' } }),
      () => ({ status: 503, body: { message: 'busy' } }),
      () => page([older]),
    ])
    await client.call('lrs.add', { name: 'field', endpoint, key: 'k', secret: 's' })
    const error = await rejection(client.call('lrs.pull', { name: 'field' }))
    expect(error.code).toBe('LRS_UNAVAILABLE')
    expect(error.message).toContain('did not answer after 3 attempts (HTTP 503)')
    // Newest first: had the checkpoint followed page 1, the older statement would never be asked for again.
    expect((await client.call('lrs.list', {}))[0]?.checkpoint).toBeNull()
    const resumed = await client.call('lrs.pull', { name: 'field' })
    expect(resumed.rows).toMatchObject({ inserted: 1, unchanged: 0 })
    expect(requests.at(-1)?.searchParams.has('since')).toBe(false)
    expect((await client.call('lrs.list', {}))[0]?.checkpoint).toBe('2026-02-01T00:00:00.000Z')
  }, 60_000)

  it('refuses a malformed page whole, naming the page, statement and field, and stores nothing of it', async () => {
    const { client, count, emails } = await workspace()
    const good = stored(completion(emails[0] ?? '', 'a', '2026-01-01T00:00:00Z'), '2026-01-01T00:00:01.000Z')
    const bad = {
      ...stored(completion(emails[1] ?? '', 'b', '2026-01-01T00:00:00Z'), '2026-01-01T00:00:02.000Z'),
    }
    delete bad['verb']
    const { endpoint } = await scriptedLrs([
      () => page([good], '/xAPI/statements?cursor=1'),
      () => page([good, bad]),
    ])
    await client.call('lrs.add', { name: 'field', endpoint, key: 'k', secret: 's' })
    const result = await client.call('lrs.pull', { name: 'field' })
    expect(result.outcome).toBe('rejected')
    expect(result.errors).toEqual([
      expect.objectContaining({
        sheet: 'page 2',
        row: 2,
        column: 'verb',
        message: 'page 2, statement 2: verb is required',
      }),
    ])
    expect(count('SELECT count(*) AS n FROM xapi_statements')).toBe(1)
    // A refused page proves nothing about the order: the checkpoint stays, and the next pull re-reads page 1 (deduped).
    expect((await client.call('lrs.list', {}))[0]?.checkpoint).toBeNull()
  }, 60_000)

  it('passes on the server’s own words for a 400, without retrying', async () => {
    const { client } = await workspace()
    const { endpoint, requests } = await scriptedLrs([
      () => ({ status: 400, body: { message: 'Invalid verb IRI in query' } }),
    ])
    await client.call('lrs.add', { name: 'field', endpoint, key: 'k', secret: 's' })
    const error = await rejection(client.call('lrs.pull', { name: 'field' }))
    expect(error.code).toBe('LRS_REFUSED')
    expect(error.message).toContain('(HTTP 400): Invalid verb IRI in query')
    expect(requests).toHaveLength(1)
  }, 60_000)

  it('does not trust equal stored times as order: a newest-first server that fails mid-way loses nothing', async () => {
    const { client, count, emails } = await workspace()
    const T2 = '2026-04-02T00:00:00.000Z'
    const [s0, s1, s2, s3, s4] = [T2, T2, T2, T2, '2026-04-01T00:00:00.000Z'].map((t, n) =>
      stored(completion(emails[n] ?? '', `eq-${n}`, '2026-01-01T00:00:00Z'), t),
    )
    const { endpoint } = await scriptedLrs([
      () => page([s0, s1], '/xAPI/statements?cursor=1'),
      () => page([s2, s3], '/xAPI/statements?cursor=2'),
      () => ({ status: 503, body: {} }),
      () => ({ status: 503, body: {} }),
      () => ({ status: 503, body: {} }),
      () => page([s0, s1, s2, s3, s4]),
    ])
    await client.call('lrs.add', { name: 'field', endpoint, key: 'k', secret: 's' })
    expect((await rejection(client.call('lrs.pull', { name: 'field' }))).code).toBe('LRS_UNAVAILABLE')
    expect((await client.call('lrs.list', {}))[0]?.checkpoint).toBeNull()
    const resumed = await client.call('lrs.pull', { name: 'field' })
    expect(resumed.rows).toMatchObject({ inserted: 1, unchanged: 4 })
    expect(count('SELECT count(*) AS n FROM xapi_statements')).toBe(5)
  }, 60_000)

  it('applies a void that a stopped pull stored but never applied, on the next pull even when nothing is new', async () => {
    const { client, count, emails } = await workspace()
    const target = stored(
      completion(emails[0] ?? '', 'v', '2026-01-01T00:00:00Z'),
      '2026-05-01T00:00:00.000Z',
    )
    const voider = stored(voiding(String(target['id']), emails[0] ?? ''), '2026-05-02T00:00:00.000Z')
    const { endpoint } = await scriptedLrs([
      () => page([target], '/xAPI/statements?cursor=1'),
      () => page([voider], '/xAPI/statements?cursor=2'),
      () => ({ status: 503, body: {} }),
      () => ({ status: 503, body: {} }),
      () => ({ status: 503, body: {} }),
      () => page([target, voider]),
    ])
    await client.call('lrs.add', { name: 'field', endpoint, key: 'k', secret: 's' })
    expect((await rejection(client.call('lrs.pull', { name: 'field' }))).code).toBe('LRS_UNAVAILABLE')
    expect(count('SELECT count(*) AS n FROM xapi_statements WHERE voided_by IS NOT NULL')).toBe(0)
    // A dry run in between neither applies it nor trips over it.
    expect((await client.call('lrs.pull', { name: 'field', dryRun: true })).outcome).toBe('dry-run')
    expect(count('SELECT count(*) AS n FROM xapi_statements WHERE voided_by IS NOT NULL')).toBe(0)
    const next = await client.call('lrs.pull', { name: 'field' })
    expect(next).toMatchObject({ outcome: 'stored', rows: { inserted: 0, updated: 1, unchanged: 2 } })
    expect(count('SELECT count(*) AS n FROM xapi_statements WHERE voided_by IS NOT NULL')).toBe(1)
  }, 60_000)

  it('never sends the credentials to another site: a more pointing elsewhere stops the pull', async () => {
    const { client, emails } = await workspace()
    const a = stored(completion(emails[0] ?? '', 'a', '2026-01-01T00:00:00Z'), '2026-01-01T00:00:01.000Z')
    const { endpoint, requests } = await scriptedLrs([
      () => page([a], 'https://elsewhere.example/xAPI/statements?c=1'),
    ])
    await client.call('lrs.add', { name: 'field', endpoint, key: 'k', secret: 's' })
    const error = await rejection(client.call('lrs.pull', { name: 'field' }))
    expect(error.code).toBe('LRS_BAD_PAGE')
    expect(error.message).toContain('another site (https://elsewhere.example)')
    expect(requests).toHaveLength(1)
  }, 60_000)

  it('refuses an endpoint with credentials in it, or plain http to another computer', async () => {
    const { client } = await workspace()
    const add = (endpoint: string) => client.call('lrs.add', { name: 'x', endpoint, key: 'k', secret: 's' })
    expect((await rejection(add('https://user:pw@lrs.example.com/xAPI/'))).message).toContain('own fields')
    expect((await rejection(add('http://lrs.example.com/xAPI/'))).message).toContain('must use https')
    expect(await client.call('lrs.list', {})).toEqual([])
  }, 60_000)
})
