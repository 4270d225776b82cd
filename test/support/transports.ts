import { join } from 'node:path'
import { startHostServer } from '../../src/host/server'
import { createInProcessTransport } from '../../src/main/rpc/inProcessTransport'
import type { Services } from '../../src/main/services/createServices'
import { createHttpTransport } from '../../src/renderer/src/api/httpTransport'
import type { Transport } from '../../src/shared/rpc/transport'

export interface TransportUnderTest {
  transport: Transport
  close(): Promise<void>
}

export type TransportFactory = (services: Services) => Promise<TransportUnderTest>

/** The same contract suite runs over each of these. */
export const TRANSPORTS: [string, TransportFactory][] = [
  [
    'in-process',
    async (services) => ({ transport: createInProcessTransport(services), close: async () => undefined }),
  ],
  [
    'HTTP (browser host)',
    async (services) => {
      const token = 'test-token-0123456789abcdef'
      const host = await startHostServer({
        services,
        rendererDirectory: join(import.meta.dirname, '..', '..', 'out', 'renderer'),
        token,
      })
      return { transport: createHttpTransport({ baseUrl: host.url, token }), close: () => host.close() }
    },
  ],
]
