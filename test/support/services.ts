import type { KeyMaterial } from '../../src/main/keys/keyMaterial'
import { readKeySlots, unwrapKey } from '../../src/main/keys/keySlots'
import { createServices, type Services } from '../../src/main/services/createServices'
import type { ServicePorts } from '../../src/main/services/ports'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import { createClient, type Client } from '../../src/shared/rpc/client'

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

/**
 * A passphrase workspace filled with demo people, with a client over the in-process transport: the usual start of
 * a service test.
 */
export async function demoWorkspace(
  dataDirectory: string,
  options: { name: string; people: number; seed: number; ports?: Partial<ServicePorts> },
): Promise<{ services: Services; client: Client }> {
  const services = testServices(dataDirectory, options.ports)
  const client = createClient(createInProcessTransport(services))
  await client.call('workspace.create', { name: options.name, passphrase: PASSPHRASE })
  await client.call('demo.populate', { people: options.people, seed: options.seed })
  return { services, client }
}
