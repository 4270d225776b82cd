import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import type { Services } from '../../src/main/services/createServices'
import { STAGED_FILE_LIFETIME_MS } from '../../src/main/import/staging'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()
const PEOPLE_CSV = new TextEncoder().encode('Employee ID,Full Name\n1,Ada Lovelace\n')
const mode = (path: string): number => statSync(path).mode & 0o777

const made: Services[] = []
afterEach(() => {
  for (const services of made.splice(0)) services.dispose()
})

async function workspace(): Promise<{
  services: Services
  client: Client
  data: string
  clock: { at: number }
}> {
  const data = join(tempDir(), 'not-yet', 'data')
  const clock = { at: Date.parse('2026-11-01T09:00:00Z') }
  const services = testServices(data, { now: () => new Date(clock.at) })
  made.push(services)
  const client = createClient(createInProcessTransport(services))
  await client.call('workspace.create', { name: 'private', passphrase: PASSPHRASE })
  return { services, client, data, clock }
}

/** Every file under the import spool (staged uploads are plaintext). */
function spooled(data: string): string[] {
  const root = join(data, 'tmp', 'import-spool')
  if (!existsSync(root)) return []
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

describe.skipIf(process.platform === 'win32')('the data directory is private', () => {
  it('is created 0700, with its workspaces folder, and recent.json is 0600', async () => {
    const { data } = await workspace()
    expect({
      data: mode(data).toString(8),
      workspaces: mode(join(data, 'workspaces')).toString(8),
      recent: mode(join(data, 'recent.json')).toString(8),
    }).toEqual({ data: '700', workspaces: '700', recent: '600' })
  })
})

describe('staged uploads do not wait for the host to stop', () => {
  it('is not plaintext on disk while it waits, and previews and imports as it was uploaded', async () => {
    const { client, data } = await workspace()
    const staged = await client.call('import.stage', { fileName: 'people.csv', bytes: PEOPLE_CSV })
    const onDisk = () => spooled(data).map((path) => readFileSync(path))
    expect(onDisk()).toHaveLength(1)
    for (const bytes of onDisk()) {
      expect(bytes.includes('Ada Lovelace')).toBe(false)
      expect(bytes.includes('Employee ID')).toBe(false)
    }
    const preview = await client.call('import.preview', { path: staged.path, kind: 'people' })
    expect(preview.rows[0]?.values).toMatchObject({ employeeId: '1' })
    expect(spooled(data)).toEqual([staged.path])
    const summary = await client.call('import.commit', { path: staged.path, kind: 'people' })
    expect(summary).toMatchObject({ outcome: 'stored', file: 'people.csv', rows: { inserted: 1 } })
    expect(spooled(data)).toEqual([])
  })

  it('a newly staged file replaces the one before it', async () => {
    const { client, data } = await workspace()
    const first = await client.call('import.stage', { fileName: 'first.csv', bytes: PEOPLE_CSV })
    expect(spooled(data)).toEqual([first.path])
    const second = await client.call('import.stage', { fileName: 'second.csv', bytes: PEOPLE_CSV })
    expect(spooled(data)).toEqual([second.path])
  })

  it('closing or locking the workspace removes what was staged', async () => {
    const { client, data } = await workspace()
    await client.call('import.stage', { fileName: 'people.csv', bytes: PEOPLE_CSV })
    await client.call('workspace.lock', {})
    expect(spooled(data)).toEqual([])
    await client.call('workspace.unlock', { passphrase: PASSPHRASE })
    await client.call('import.stage', { fileName: 'people.csv', bytes: PEOPLE_CSV })
    await client.call('workspace.close', {})
    expect(spooled(data)).toEqual([])
  })

  it('a file left unused past the time limit is removed, and its preview then refused', async () => {
    const { services, client, data, clock } = await workspace()
    // Long enough that the idle lock (which also drops staged files) stays out of this test.
    await client.call('workspace.setIdleLock', { minutes: 240 })
    const staged = await client.call('import.stage', { fileName: 'people.csv', bytes: PEOPLE_CSV })
    clock.at += STAGED_FILE_LIFETIME_MS - 60_000
    services.sweep()
    expect(spooled(data)).toEqual([staged.path])
    await client.call('workspace.activity', {})
    clock.at += 60_000
    services.sweep()
    expect(spooled(data)).toEqual([])
    await expect(client.call('import.preview', { path: staged.path, kind: 'people' })).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
    })
  })

  it('a stored import removes its staged file', async () => {
    const { client, data } = await workspace()
    const staged = await client.call('import.stage', { fileName: 'people.csv', bytes: PEOPLE_CSV })
    const summary = await client.call('import.commit', { path: staged.path, kind: 'people' })
    expect(summary.outcome).toBe('stored')
    expect(spooled(data)).toEqual([])
  })
})
