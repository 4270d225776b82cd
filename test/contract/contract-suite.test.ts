import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { JobProgress, WorkspaceStatus } from '../../src/shared/contract'
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations'
import { AppError } from '../../src/shared/result'
import { createClient, type Client } from '../../src/shared/rpc/client'
import type { Services } from '../../src/main/services/createServices'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'
import { TRANSPORTS, type TransportUnderTest } from '../support/transports'

const tempDir = useTempDirs()

async function expectError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  expect((error as AppError).code).toBe(code)
  return error as AppError
}

describe.each(TRANSPORTS)('contract over the %s transport', (_name, makeTransport) => {
  let services: Services
  let wire: TransportUnderTest
  let client: Client

  beforeEach(async () => {
    services = testServices(tempDir())
    wire = await makeTransport(services)
    client = createClient(wire.transport)
  })
  afterEach(async () => {
    await wire.close()
    services.dispose()
  })

  it('answers app.info and reports that no workspace is open', async () => {
    await expect(client.call('app.info')).resolves.toMatchObject({
      name: 'Ninefold',
      shell: 'test',
      osKeychain: 'unsupported',
    })
    await expect(client.call('workspace.status')).resolves.toEqual({ open: false })
    const error = await expectError(client.call('people.list', {}), 'NO_WORKSPACE')
    expect(error.message).toBe('Open or create a workspace first.')
  })

  it('rejects invalid input at the dispatcher, naming the field', async () => {
    const error = await expectError(client.call('people.list', { limit: 5000 }), 'INVALID_INPUT')
    expect(error.message).toMatch(/^Invalid input for people\.list: limit:/)
    expect(error.details).toMatchObject({ issues: [{ path: 'limit' }] })
    await expectError(
      client.call('workspace.create', { name: '   ', passphrase: PASSPHRASE }),
      'INVALID_INPUT',
    )
    // Unknown keys are refused, not silently dropped.
    await expectError(client.call('workspace.close', { force: true } as never), 'INVALID_INPUT')
    const unknown = await wire.transport.call('people.delete', {})
    expect(unknown).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: 'There is no method called "people.delete".' },
    })
  })

  it('refuses a weak passphrase and creates nothing', async () => {
    const error = await expectError(
      client.call('workspace.create', { name: 'Team', passphrase: 'short' }),
      'WEAK_PASSPHRASE',
    )
    expect(error.message).toMatch(/at least 10 characters/)
    await expect(client.call('workspace.list')).resolves.toMatchObject({ workspaces: [] })
  })

  it('creates, fills, closes, refuses a wrong passphrase and reopens a workspace, with events along the way', async () => {
    const changes: WorkspaceStatus[] = []
    const progress: JobProgress[] = []
    const offChanged = client.on('workspace.changed', (s) => changes.push(s))
    const offProgress = client.on('jobs.progress', (p) => progress.push(p))
    await new Promise((r) => setTimeout(r, 100)) // let the HTTP event stream connect

    const created = await client.call('workspace.create', { name: 'EMEA review', passphrase: PASSPHRASE })
    expect(created).toMatchObject({
      name: 'EMEA review',
      peopleCount: 0,
      protection: 'passphrase',
      schemaVersion: LATEST_SCHEMA_VERSION,
    })
    expect(created.path).toMatch(/emea-review\.ninefold$/)

    const demo = await client.call('demo.populate', { people: 200, seed: 7, jobId: 'job-demo-1' })
    expect(demo.people).toBe(200)
    expect(demo.plantedCases.map((c) => c.kind)).toEqual(
      expect.arrayContaining(['hidden-gem', 'compliance-gap', 'expired-certification']),
    )
    await expect
      .poll(() => progress.at(-1))
      .toEqual({ jobId: 'job-demo-1', phase: 'Creating demo people', done: 200, total: 200 })

    await client.call('workspace.close')
    await expectError(
      client.call('workspace.open', { path: created.path, passphrase: 'wrong passphrase!' }),
      'WRONG_KEY',
    )
    await expect(client.call('workspace.status')).resolves.toEqual({ open: false })
    const reopened = await client.call('workspace.open', { path: created.path, passphrase: PASSPHRASE })
    expect(reopened.peopleCount).toBe(200)

    await expect.poll(() => changes.map((c) => c.open)).toEqual([true, false, true])
    offChanged()
    offProgress()
    await expect(client.call('workspace.list')).resolves.toMatchObject({
      workspaces: [{ path: created.path, name: 'emea-review' }],
    })
  })

  it('pages, sorts and filters people in the database', async () => {
    await client.call('workspace.create', { name: 'Paging', passphrase: PASSPHRASE })
    await client.call('demo.populate', { people: 300, seed: 3 })

    const first = await client.call('people.list', {
      limit: 100,
      sort: { field: 'hireDate', direction: 'desc' },
    })
    expect(first.total).toBe(300)
    expect(first.rows).toHaveLength(100)
    const hireDates = first.rows.map((r) => r.hireDate ?? '')
    expect(hireDates).toEqual([...hireDates].sort().reverse())
    const last = await client.call('people.list', {
      offset: 250,
      limit: 100,
      sort: { field: 'hireDate', direction: 'desc' },
    })
    expect(last.rows).toHaveLength(50)
    const all = new Set([...first.rows, ...last.rows].map((r) => r.employeeId))
    expect(all.size).toBe(150) // no row on two pages

    const facets = await client.call('people.facets')
    const engineering = facets.departments.find((d) => d.value === 'Engineering')
    expect(engineering?.count).toBeGreaterThan(0)
    const filtered = await client.call('people.list', { limit: 1000, filter: { department: 'Engineering' } })
    expect(filtered.total).toBe(engineering?.count)
    expect(filtered.rows.every((r) => r.department === 'Engineering')).toBe(true)

    const someone = first.rows[0]
    if (!someone) throw new Error('no rows')
    const byId = await client.call('people.list', { filter: { text: someone.employeeId.toLowerCase() } })
    expect(byId.rows.map((r) => r.employeeId)).toEqual([someone.employeeId])
    // LIKE wildcards in the search text are literal characters, not patterns.
    await expect(client.call('people.list', { filter: { text: '%' } })).resolves.toMatchObject({ total: 0 })

    const withManager = first.rows.find((r) => r.managerId !== null)
    const manager = await client.call('people.list', { filter: { text: withManager?.managerId ?? '' } })
    expect(withManager?.managerName).toBe(manager.rows[0]?.fullName)
  })

  it('cancels a running job; its transaction rolls back and the workspace stays empty', async () => {
    await client.call('workspace.create', { name: 'Cancel me', passphrase: PASSPHRASE })
    const off = client.on('jobs.progress', (p) => {
      if (p.jobId === 'job-cancel-1') void client.call('jobs.cancel', { jobId: 'job-cancel-1' })
    })
    await new Promise((r) => setTimeout(r, 100))
    const error = await expectError(
      client.call('demo.populate', { people: 20_000, jobId: 'job-cancel-1' }),
      'CANCELLED',
    )
    expect(error.message).toMatch(/Nothing from this job was kept/)
    off()
    await expect(client.call('people.list', {})).resolves.toMatchObject({ total: 0 })
    await expect(client.call('jobs.cancel', { jobId: 'job-cancel-1' })).resolves.toEqual({ cancelled: false })
    // …and the workspace is still usable: a second fill succeeds.
    await expect(client.call('demo.populate', { people: 200 })).resolves.toMatchObject({ people: 200 })
  })

  it('refuses other writes, and closing, while a long write holds the workspace', async () => {
    await client.call('workspace.create', { name: 'Busy', passphrase: PASSPHRASE })
    let refused: unknown[] = []
    let seenDuringFill: number | null = null
    const off = client.on('jobs.progress', (p) => {
      if (p.jobId !== 'job-busy-1' || refused.length > 0) return
      refused = [null]
      // Lists read committed data: the fill's rows are not visible until it commits (here: never).
      void client.call('people.list', {}).then((page) => (seenDuringFill = page.total))
      void Promise.all([
        client.call('workspace.close').catch((e: unknown) => e),
        client.call('demo.populate', { people: 200 }).catch((e: unknown) => e),
      ]).then((errors) => {
        refused = errors
        void client.call('jobs.cancel', { jobId: 'job-busy-1' })
      })
    })
    await new Promise((r) => setTimeout(r, 100))
    await expectError(client.call('demo.populate', { people: 20_000, jobId: 'job-busy-1' }), 'CANCELLED')
    off()
    expect(seenDuringFill).toBe(0)
    expect(refused).toEqual([
      expect.objectContaining({
        code: 'BUSY',
        message: 'Wait until the demo fill has finished, or cancel it.',
      }),
      expect.objectContaining({ code: 'BUSY' }),
    ])
    // Once the long write is over, the workspace takes writes again.
    await expect(client.call('demo.populate', { people: 200 })).resolves.toMatchObject({ people: 200 })
  })

  it('changes the passphrase: the old one stops working, the new one opens', async () => {
    const created = await client.call('workspace.create', { name: 'Rekey', passphrase: PASSPHRASE })
    await expectError(
      client.call('workspace.changePassphrase', { current: 'not it at all', next: 'the next passphrase' }),
      'WRONG_KEY',
    )
    await expectError(
      client.call('workspace.changePassphrase', { current: PASSPHRASE, next: 'short' }),
      'WEAK_PASSPHRASE',
    )
    await client.call('workspace.changePassphrase', { current: PASSPHRASE, next: 'the next passphrase' })
    await client.call('workspace.close')
    await expectError(
      client.call('workspace.open', { path: created.path, passphrase: PASSPHRASE }),
      'WRONG_KEY',
    )
    await expect(
      client.call('workspace.open', { path: created.path, passphrase: 'the next passphrase' }),
    ).resolves.toMatchObject({
      name: 'Rekey',
    })
  })
})
