import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services/createServices'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

describe('locking the workspace', () => {
  let services: Services
  let client: Client
  let clock: number
  beforeEach(async () => {
    clock = Date.parse('2026-11-23T09:00:00Z')
    services = testServices(tempDir(), { now: () => new Date(clock) })
    client = createClient(createInProcessTransport(services))
    await client.call('workspace.create', { name: 'Lockable', passphrase: PASSPHRASE })
    await client.call('demo.populate', { people: 200, seed: 1 })
  })
  afterEach(() => services.dispose())

  it('drops the key when locked: every call is refused until the passphrase is given again', async () => {
    const { db, reader } = { db: services.session.db, reader: services.session.reader }
    expect(await client.call('workspace.lock')).toEqual({ locked: true })
    // Both connections are closed: SQLite no longer holds the key, and nothing here can read the file.
    expect(db.open).toBe(false)
    expect(reader.open).toBe(false)
    expect(await client.call('workspace.status')).toEqual({
      open: false,
      locked: {
        name: 'Lockable',
        path: expect.stringMatching(/lockable\.ninefold$/),
        protection: 'passphrase',
      },
    })
    await expect(client.call('people.list', {})).rejects.toMatchObject({
      code: 'WORKSPACE_LOCKED',
      message: '“Lockable” is locked: unlock it with its passphrase or key to go on.',
    })
    await expect(client.call('insights.items')).rejects.toMatchObject({ code: 'WORKSPACE_LOCKED' })
    await expect(
      client.call('workspace.unlock', { passphrase: 'not the passphrase at all' }),
    ).rejects.toMatchObject({
      code: 'WRONG_KEY',
    })
    await expect(client.call('workspace.unlock', {})).rejects.toMatchObject({ code: 'WRONG_KEY' })
    expect((await client.call('workspace.status')).open).toBe(false)

    const unlocked = await client.call('workspace.unlock', { passphrase: PASSPHRASE })
    expect(unlocked.peopleCount).toBe(200)
    expect((await client.call('people.list', {})).total).toBe(200)
  })

  it('locks itself after the idle time without input or calls, and not before', async () => {
    expect(await client.call('workspace.setIdleLock', { minutes: 2 })).toEqual({ idleLockMinutes: 2 })
    clock += 90_000
    expect(services.idle.lockIfIdle()).toBe(false)
    // Input on the screen counts as presence, as does any call the user's actions make.
    expect(await client.call('workspace.activity')).toEqual({ idleLockMinutes: 2 })
    clock += 110_000
    expect(services.idle.lockIfIdle()).toBe(false)
    // Asking how things stand is not the user at work.
    await client.call('workspace.status')
    clock += 11_000
    expect(services.idle.lockIfIdle()).toBe(true)
    expect(await client.call('workspace.status')).toMatchObject({ open: false, locked: { name: 'Lockable' } })
    await expect(client.call('people.facets')).rejects.toMatchObject({ code: 'WORKSPACE_LOCKED' })
    // Closing a locked workspace forgets it altogether.
    await client.call('workspace.close')
    expect(await client.call('workspace.status')).toEqual({ open: false })
    await expect(client.call('people.facets')).rejects.toMatchObject({ code: 'NO_WORKSPACE' })
  })
})
