import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { keySlotsPath, unwrapKey, type KeySlot, type KeySlots } from '../../src/main/keys/keySlots'
import type { Services } from '../../src/main/services/createServices'
import type { OsKeychain } from '../../src/main/services/ports'
import { keychainSidecarPath } from '../../src/main/services/workspace/keychainSidecar'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'
import { PASSPHRASE, testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()
const NEW_PASSPHRASE = 'a brand new passphrase after recovery'

describe('the recovery key', () => {
  let dir: string
  let services: Services
  let client: Client
  const start = (overrides = {}): void => {
    services = testServices(dir, overrides)
    client = createClient(createInProcessTransport(services))
  }
  beforeEach(() => {
    dir = tempDir()
    start()
  })
  afterEach(() => services.dispose())

  it('is shown once at creation and opens the workspace when the passphrase is forgotten, then a new one is required', async () => {
    const created = await client.call('workspace.create', { name: 'Recoverable', passphrase: PASSPHRASE })
    expect(created.recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/)
    const recoveryKey = created.recoveryKey ?? ''
    await client.call('demo.populate', { people: 200, seed: 1 })
    // The key file beside it holds only wrapped keys: neither secret, nor the data key, in the clear.
    const slots = readFileSync(keySlotsPath(created.path), 'utf8')
    expect(slots).not.toContain(recoveryKey)
    expect(slots).not.toContain(PASSPHRASE)
    expect(statSync(keySlotsPath(created.path)).mode & 0o077).toBe(0)
    await client.call('workspace.close')

    // Forgotten passphrase: the wrong one is refused and changes nothing.
    await expect(
      client.call('workspace.open', { path: created.path, passphrase: 'what was it again?' }),
    ).rejects.toMatchObject({ code: 'WRONG_KEY', message: expect.stringContaining('use the recovery key') })
    await expect(
      client.call('workspace.recover', {
        path: created.path,
        recoveryKey: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789',
        newPassphrase: NEW_PASSPHRASE,
      }),
    ).rejects.toMatchObject({
      code: 'WRONG_KEY',
      message: 'That recovery key does not open this workspace. Nothing was changed.',
    })
    // A new passphrase is required, and a weak one refused, before anything is rewritten.
    await expect(
      client.call('workspace.recover', { path: created.path, recoveryKey, newPassphrase: 'short' }),
    ).rejects.toMatchObject({ code: 'WEAK_PASSPHRASE' })
    expect(readFileSync(keySlotsPath(created.path), 'utf8')).toBe(slots)

    // Typed the way people type it: lower case, spaces instead of dashes, O for 0.
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o')
    const recovered = await client.call('workspace.recover', {
      path: created.path,
      recoveryKey: typed,
      newPassphrase: NEW_PASSPHRASE,
    })
    expect(recovered.peopleCount).toBe(200)
    await client.call('workspace.close')
    await expect(
      client.call('workspace.open', { path: created.path, passphrase: PASSPHRASE }),
    ).rejects.toMatchObject({ code: 'WRONG_KEY' })
    expect(
      (await client.call('workspace.open', { path: created.path, passphrase: NEW_PASSPHRASE })).peopleCount,
    ).toBe(200)
    // The recovery key still works (it is not used up), and the recovery is in the audit log.
    const log = services.session.reader
      .prepare("SELECT action FROM audit_log WHERE action = 'workspace.recover'")
      .all()
    expect(log).toHaveLength(1)
  })

  it('changes the passphrase by rewrapping the key: the old one stops working, the recovery key does not', async () => {
    const created = await client.call('workspace.create', { name: 'Rewrapped', passphrase: PASSPHRASE })
    const before = JSON.parse(readFileSync(keySlotsPath(created.path), 'utf8')) as KeySlots
    const dataKey = unwrapKey(PASSPHRASE, before.passphrase as KeySlot)
    await expect(
      client.call('workspace.changePassphrase', { current: 'not the current one', next: NEW_PASSPHRASE }),
    ).rejects.toMatchObject({ code: 'WRONG_KEY' })
    await client.call('workspace.changePassphrase', { current: PASSPHRASE, next: NEW_PASSPHRASE })
    await client.call('workspace.close')
    // Not re-encrypted: the same data key, now wrapped by the new passphrase; the recovery slot untouched.
    const after = JSON.parse(readFileSync(keySlotsPath(created.path), 'utf8')) as KeySlots
    expect(after.recovery).toEqual(before.recovery)
    expect(after.passphrase).not.toEqual(before.passphrase)
    expect(unwrapKey(NEW_PASSPHRASE, after.passphrase as KeySlot)).toEqual(dataKey)
    expect(unwrapKey(PASSPHRASE, after.passphrase as KeySlot)).toBeNull()
    await expect(
      client.call('workspace.open', { path: created.path, passphrase: PASSPHRASE }),
    ).rejects.toMatchObject({
      code: 'WRONG_KEY',
    })
    await client.call('workspace.open', { path: created.path, passphrase: NEW_PASSPHRASE })
    await client.call('workspace.close')
    await client.call('workspace.recover', {
      path: created.path,
      recoveryKey: created.recoveryKey ?? '',
      newPassphrase: 'yet another passphrase here',
    })
  })

  it('opens an OS-keychain workspace whose keychain entry is gone, and makes the passphrase the way in', async () => {
    // A keychain that works, then one that no longer can (new machine, keyring backend changed).
    const secret = Buffer.alloc(32, 7)
    const working: OsKeychain = {
      status: () => 'available',
      wrap: (plain) =>
        Buffer.concat([Buffer.from('W:'), Buffer.from(plain.map((b) => b ^ (secret[0] ?? 0)))]),
      unwrap: (wrapped) => Buffer.from(wrapped.subarray(2).map((b) => b ^ (secret[0] ?? 0))),
    }
    services.dispose()
    start({ osKeychain: working })
    const created = await client.call('workspace.create', { name: 'Keychained', protection: 'os-keychain' })
    expect(created.protection).toBe('os-keychain')
    await client.call('workspace.close')
    services.dispose()
    const broken: OsKeychain = {
      ...working,
      unwrap: () => {
        throw new Error('the keyring does not know this secret')
      },
    }
    start({ osKeychain: broken })
    await expect(client.call('workspace.open', { path: created.path })).rejects.toMatchObject({
      code: 'WRONG_KEY',
    })
    // Never recreated or re-encrypted after the failure: the file is as it was.
    expect(existsSync(created.path)).toBe(true)
    const recovered = await client.call('workspace.recover', {
      path: created.path,
      recoveryKey: created.recoveryKey ?? '',
      newPassphrase: NEW_PASSPHRASE,
    })
    expect(recovered.protection).toBe('passphrase')
    expect(existsSync(keychainSidecarPath(created.path))).toBe(false)
    await client.call('workspace.close')
    await client.call('workspace.open', { path: created.path, passphrase: NEW_PASSPHRASE })
  })

  it('says so when a workspace has no recovery key (made before them)', async () => {
    const created = await client.call('workspace.create', { name: 'Old style', passphrase: PASSPHRASE })
    await client.call('workspace.close')
    writeFileSync(keySlotsPath(created.path), JSON.stringify({ version: 1 }))
    await expect(
      client.call('workspace.recover', {
        path: created.path,
        recoveryKey: 'X',
        newPassphrase: NEW_PASSPHRASE,
      }),
    ).rejects.toMatchObject({ code: 'KEY_UNAVAILABLE' })
  })
})
