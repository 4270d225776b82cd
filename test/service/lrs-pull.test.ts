import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { AppError } from '../../src/shared/result'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'
import { completion, startRealLrs, voiding, type RealLrs } from '../support/lrs/realLrs'

const tempDir = useTempDirs()

interface Workspace {
  services: Services
  client: Client
  count(sql: string, ...params: unknown[]): number
}

async function workspaceWithPeople(retries: number[] = []): Promise<Workspace & { emails: string[] }> {
  const services = testServices(tempDir(), {
    lrsHttp: { retryBaseMs: 5, maxRetries: 2, timeoutMs: 5_000, onRetry: (n) => void retries.push(n) },
  })
  const client = createClient(createInProcessTransport(services))
  await client.call('workspace.create', { name: 'LRS', passphrase: PASSPHRASE })
  await client.call('demo.populate', { people: 200, seed: 11 })
  const emails = (await client.call('people.list', { limit: 60 })).rows
    .map((p) => p.email)
    .filter((e): e is string => e !== null)
  const count = (sql: string, ...params: unknown[]): number =>
    (services.session.db.prepare(sql).get(...params) as { n: number }).n
  return { services, client, count, emails }
}

const failure = async (call: Promise<unknown>): Promise<AppError> => {
  try {
    await call
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('the call succeeded')
}

describe('pulling statements from a real LRS (Learning Locker statements service on loopback)', () => {
  let lrs: RealLrs
  beforeAll(async () => {
    lrs = await startRealLrs()
  }, 60_000)
  afterAll(() => lrs?.stop())

  it('pulls new statements page by page, dedupes, reports a conflict, keeps unknown learners unmatched, applies voids later, and pulls only what is new', async () => {
    const { services, client, count, emails } = await workspaceWithPeople()
    try {
      const base = Date.parse('2026-06-01T08:00:00Z')
      const at = (n: number): string => new Date(base + n * 60_000).toISOString()
      const known = Array.from({ length: 230 }, (_, n) =>
        completion(emails[n % emails.length] ?? 'x@example.com', `course-${n}`, at(n)),
      )
      const strangers = Array.from({ length: 25 }, (_, n) =>
        completion(`stranger${n}@elsewhere.example`, 'course-1', at(300 + n)),
      )
      // A file imported earlier holds two of these statements: one exactly (a duplicate) and one with the same id
      // but other content (a conflict the pull must report, not overwrite).
      const conflicting = { ...known[1], timestamp: '2020-01-01T00:00:00.000Z' }
      const file = join(tempDir(), 'earlier.json')
      writeFileSync(file, JSON.stringify([known[0], conflicting]))
      expect(await client.call('import.commit', { path: file, kind: 'xapi' })).toMatchObject({
        outcome: 'stored',
      })
      await lrs.post([...known, ...strangers])

      const added = await client.call('lrs.add', {
        name: 'Corporate LRS',
        endpoint: lrs.endpoint.replace(/\/$/, ''),
        key: lrs.key,
        secret: lrs.secret,
      })
      expect(added).toMatchObject({
        name: 'Corporate LRS',
        endpoint: lrs.endpoint,
        hasSecret: true,
        checkpoint: null,
      })
      expect(JSON.stringify(await client.call('lrs.list', {}))).not.toContain(lrs.secret)
      expect(await client.call('lrs.test', { name: 'Corporate LRS' })).toMatchObject({
        ok: true,
        versions: ['1.0.3'],
      })

      const recordsBefore = count('SELECT count(*) AS n FROM learning_records')
      const first = await client.call('lrs.pull', { name: 'Corporate LRS', pageSize: 50 })
      expect(first).toMatchObject({
        outcome: 'stored',
        kind: 'xapi',
        file: 'LRS Corporate LRS',
        rows: { total: 255, inserted: 253, unchanged: 1, rejected: 1 },
        unmatched: 25,
      })
      expect(first.pull).toMatchObject({ pages: 6, received: 255, stored: 253, duplicates: 1, conflicts: 1 })
      expect(first.errors).toEqual([
        expect.objectContaining({ code: 'CONFLICT', column: 'id', value: String(known[1]?.['id']) }),
      ])
      expect(count('SELECT count(*) AS n FROM xapi_statements')).toBe(2 + 253)
      // 228 completions by people in the workspace became learning records; the 25 strangers wait as unmatched.
      expect(count('SELECT count(*) AS n FROM learning_records') - recordsBefore).toBe(228)
      expect(count('SELECT count(*) AS n FROM unmatched_records WHERE batch_id = ?', first.batchId)).toBe(25)
      // The pull raised SQLite's log limit for its own pages only: the workspace has the usual one again.
      expect(services.session.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
      const [connection] = await client.call('lrs.list', {})
      expect(connection?.checkpoint).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)

      const again = await client.call('lrs.pull', { name: 'Corporate LRS', pageSize: 50 })
      expect(again).toMatchObject({ outcome: 'already-imported', rows: { inserted: 0 }, batchId: null })

      // New statements and a void of one already pulled: only those come, and the void removes its record.
      const target = known[10] as { id: string }
      const more = Array.from({ length: 30 }, (_, n) =>
        completion(emails[n % emails.length] ?? 'x@example.com', `course-new-${n}`, at(600 + n)),
      )
      await lrs.post([...more, voiding(target.id, emails[0] ?? 'x@example.com')])
      const third = await client.call('lrs.pull', { name: 'Corporate LRS', pageSize: 50 })
      expect(third).toMatchObject({ outcome: 'stored', rows: { inserted: 31, updated: 1 } })
      expect(third.pull).toMatchObject({ voided: 1, stored: 31 })
      expect(
        count(
          'SELECT count(*) AS n FROM xapi_statements WHERE statement_id = ? AND voided_by IS NOT NULL',
          target.id,
        ),
      ).toBe(1)
      expect(count('SELECT count(*) AS n FROM learning_records') - recordsBefore).toBe(228 + 30 - 1)

      // Each pull is a batch: undoing the third takes its statements and the void back out.
      await client.call('import.undo', { batchId: third.batchId ?? '' })
      expect(count('SELECT count(*) AS n FROM learning_records') - recordsBefore).toBe(228)
      expect(count('SELECT count(*) AS n FROM xapi_statements WHERE voided_by IS NOT NULL')).toBe(0)
      // … and the connection goes back to where that pull started: the next pull brings them again.
      const again3 = await client.call('lrs.pull', { name: 'Corporate LRS', pageSize: 50 })
      expect(again3).toMatchObject({ outcome: 'stored', rows: { inserted: 31, updated: 1 } })
      await client.call('import.undo', { batchId: again3.batchId ?? '' })

      const history = await client.call('lrs.history', { name: 'Corporate LRS' })
      expect(history.map((h) => h.outcome)).toEqual(['stored', 'stored', 'nothing-new', 'stored'])
    } finally {
      services.dispose()
    }
  }, 120_000)

  it('a dry run counts what would be stored and changes nothing', async () => {
    const { services, client, count, emails } = await workspaceWithPeople()
    try {
      await client.call('lrs.add', { name: 'lrs', endpoint: lrs.endpoint, key: lrs.key, secret: lrs.secret })
      const statementsBefore = count('SELECT count(*) AS n FROM xapi_statements')
      const dry = await client.call('lrs.pull', { name: 'lrs', dryRun: true, pageSize: 100 })
      expect(dry.outcome).toBe('dry-run')
      expect(dry.rows.inserted).toBeGreaterThan(250)
      expect(dry.batchId).toBeNull()
      expect(count('SELECT count(*) AS n FROM xapi_statements')).toBe(statementsBefore)
      expect(count('SELECT count(*) AS n FROM import_batches')).toBe(0)
      expect((await client.call('lrs.list', {}))[0]?.checkpoint).toBeNull()
      expect(emails.length).toBeGreaterThan(0)
    } finally {
      services.dispose()
    }
  }, 120_000)

  it('a wrong secret fails at once with what to check, without retrying', async () => {
    const retries: number[] = []
    const { services, client } = await workspaceWithPeople(retries)
    try {
      await client.call('lrs.add', { name: 'lrs', endpoint: lrs.endpoint, key: lrs.key, secret: 'wrong' })
      const error = await failure(client.call('lrs.pull', { name: 'lrs' }))
      expect(error.code).toBe('LRS_AUTH')
      expect(error.message).toContain('check the key and secret')
      expect(error.message).not.toContain('wrong')
      expect(retries).toEqual([])
      expect((await failure(client.call('lrs.test', { name: 'lrs' }))).code).toBe('LRS_AUTH')
      expect((await client.call('lrs.history', { name: 'lrs' }))[0]).toMatchObject({
        outcome: 'failed',
        stored: 0,
      })
    } finally {
      services.dispose()
    }
  }, 120_000)
})

describe('a server lost in the middle of a pull', () => {
  it('fails cleanly after bounded retries, keeps the pages stored, and the next pull resumes to exact counts', async () => {
    const lrs = await startRealLrs({ dropAfterPages: 3 })
    const retries: number[] = []
    const { services, client, count, emails } = await workspaceWithPeople(retries)
    try {
      const base = Date.parse('2026-07-01T08:00:00Z')
      const statements = Array.from({ length: 500 }, (_, n) =>
        completion(
          emails[n % emails.length] ?? 'x@example.com',
          `c-${n}`,
          new Date(base + n * 1000).toISOString(),
        ),
      )
      await lrs.post(statements)
      await client.call('lrs.add', { name: 'lrs', endpoint: lrs.endpoint, key: lrs.key, secret: lrs.secret })
      const error = await failure(client.call('lrs.pull', { name: 'lrs', pageSize: 100 }))
      expect(error.code).toBe('LRS_UNAVAILABLE')
      expect(error.message).toContain('did not answer after 3 attempts')
      expect(error.message).toContain('are kept; the next pull resumes after them')
      expect(retries).toEqual([1, 2])
      expect(count('SELECT count(*) AS n FROM xapi_statements')).toBe(300)
      expect((await client.call('lrs.history', { name: 'lrs' }))[0]).toMatchObject({
        outcome: 'failed',
        pages: 3,
        stored: 300,
      })

      await lrs.heal()
      const resumed = await client.call('lrs.pull', { name: 'lrs', pageSize: 100 })
      expect(resumed.outcome).toBe('stored')
      expect(resumed.rows.inserted).toBe(200)
      expect(count('SELECT count(*) AS n FROM xapi_statements')).toBe(500)
      expect(
        count(
          "SELECT count(*) AS n FROM learning_records WHERE item_id IN (SELECT id FROM learning_items WHERE activity_id LIKE 'https://lms.example.com/courses/c-%')",
        ),
      ).toBe(500)
    } finally {
      services.dispose()
      await lrs.stop()
    }
  }, 120_000)
})

describe('cancelling a pull', () => {
  it('keeps the pages stored, says so, and the next pull resumes to exact counts', async () => {
    const lrs = await startRealLrs({ pageDelayMs: 300 })
    const { services, client, count, emails } = await workspaceWithPeople()
    try {
      const base = Date.parse('2026-08-01T08:00:00Z')
      await lrs.post(
        Array.from({ length: 400 }, (_, n) =>
          completion(emails[n % emails.length] ?? '', `cancel-${n}`, new Date(base + n * 1000).toISOString()),
        ),
      )
      await client.call('lrs.add', { name: 'lrs', endpoint: lrs.endpoint, key: lrs.key, secret: lrs.secret })
      const jobId = 'cancel-pull-1'
      const progress: number[] = []
      const off = services.events.subscribe((event, payload) => {
        if (event !== 'lrs.progress') return
        const pages = (payload as { pages: number }).pages
        progress.push(pages)
        if (pages === 2) void client.call('jobs.cancel', { jobId })
      })
      const error = await failure(client.call('lrs.pull', { name: 'lrs', pageSize: 50, jobId }))
      off()
      expect(error.code).toBe('CANCELLED')
      const stored = count('SELECT count(*) AS n FROM xapi_statements')
      expect(stored % 50).toBe(0)
      expect(stored).toBeGreaterThanOrEqual(100)
      expect(stored).toBeLessThan(400)
      expect(error.message).toContain(`(${stored} statements) are kept`)
      expect((await client.call('lrs.history', { name: 'lrs' }))[0]).toMatchObject({
        outcome: 'cancelled',
        stored,
      })
      const resumed = await client.call('lrs.pull', { name: 'lrs', pageSize: 200 })
      expect(resumed.rows.inserted).toBe(400 - stored)
      expect(count('SELECT count(*) AS n FROM xapi_statements')).toBe(400)
    } finally {
      services.dispose()
      await lrs.stop()
    }
  }, 120_000)
})
