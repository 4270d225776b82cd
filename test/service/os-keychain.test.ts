import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { OsKeychain } from '../../src/main/services/ports'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient } from '../../src/shared/rpc/client'
import { testServices } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const tempDir = useTempDirs()

/**
 * Electron's safeStorage cannot run here (no Electron binary); this stands in for it with real AES-GCM under a
 * per-test secret, so wrapping and unwrapping are real and a different "machine" really cannot unwrap.
 */
function keychain(status: ReturnType<OsKeychain['status']> = 'available'): OsKeychain {
  const secret = randomBytes(32)
  return {
    status: () => status,
    wrap(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', secret, iv)
      return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()])
    },
    unwrap(wrapped) {
      const decipher = createDecipheriv('aes-256-gcm', secret, wrapped.subarray(0, 12))
      decipher.setAuthTag(wrapped.subarray(wrapped.length - 16))
      return Buffer.concat([decipher.update(wrapped.subarray(12, wrapped.length - 16)), decipher.final()])
    },
  }
}

describe('workspaces protected by the OS keychain', () => {
  it('are created with their wrapped key beside them and reopen without a passphrase', async () => {
    const dir = tempDir()
    const chain = keychain()
    const services = testServices(dir, { osKeychain: chain })
    const client = createClient(createInProcessTransport(services))
    const created = await client.call('workspace.create', { name: 'Laptop', protection: 'os-keychain' })
    expect(existsSync(`${created.path}.keychain`)).toBe(true)
    await client.call('workspace.close')
    await expect(client.call('workspace.open', { path: created.path })).resolves.toMatchObject({
      protection: 'os-keychain',
    })
    services.dispose()

    // Another user's keychain cannot unwrap it, and says so without touching the file.
    const elsewhere = createClient(createInProcessTransport(testServices(dir, { osKeychain: keychain() })))
    await expect(elsewhere.call('workspace.open', { path: created.path })).rejects.toMatchObject({
      code: 'WRONG_KEY',
    })
  })

  it('never overwrite a key file already there, and leave nothing behind when refused', async () => {
    const dir = tempDir()
    const client = createClient(createInProcessTransport(testServices(dir, { osKeychain: keychain() })))
    const path = join(dir, 'moved.ninefold')
    writeFileSync(`${path}.keychain`, 'the only key of a workspace that was moved')
    await expect(
      client.call('workspace.create', { name: 'Moved', protection: 'os-keychain', path }),
    ).rejects.toMatchObject({ code: 'WORKSPACE_EXISTS' })
    expect(existsSync(path)).toBe(false)
  })

  it('are refused where the keychain stores secrets in plain text', async () => {
    const client = createClient(
      createInProcessTransport(testServices(tempDir(), { osKeychain: keychain('insecure-backend') })),
    )
    await expect(
      client.call('workspace.create', { name: 'Plain', protection: 'os-keychain' }),
    ).rejects.toMatchObject({
      code: 'KEY_UNAVAILABLE',
      message: expect.stringContaining('plain text'),
    })
  })
})
