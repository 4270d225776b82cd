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
