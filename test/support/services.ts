import type { KeyMaterial } from '../../src/main/keys/keyMaterial'
import { readKeySlots, unwrapKey } from '../../src/main/keys/keySlots'
import { createServices, type Services } from '../../src/main/services/createServices'
import type { ServicePorts } from '../../src/main/services/ports'

/** Real services over a real data directory; only the clock is fixed so demo data is reproducible. */
export function testServices(dataDirectory: string, overrides: Partial<ServicePorts> = {}): Services {
  return createServices({
    shell: 'test',
    version: '0.0.0-test',
    dataDirectory,
    actor: 'test-user',
    now: () => new Date('2026-11-01T09:00:00Z'),
    onInternalError: () => undefined,
    ...overrides,
  })
}

/** Passes the strength rule; tests that need a wrong one use something else. */
export const PASSPHRASE = 'correct horse battery staple'

/**
 * The data key of a passphrase workspace, unwrapped from its key slots the way Ninefold does: for tests that open
 * the file (or a copy, or a backup of it) directly.
 */
export function dataKeyOf(workspacePath: string, passphrase = PASSPHRASE): KeyMaterial {
  const slot = readKeySlots(workspacePath)?.passphrase
  const key = slot ? unwrapKey(passphrase, slot) : null
  if (!key) throw new Error(`no passphrase slot of ${workspacePath} opens with that passphrase`)
  return { kind: 'raw', key }
}
