import type { Result } from '../../shared/result'
import type { Transport } from '../../shared/rpc/transport'
import type { Services } from '../services/createServices'

/**
 * The transport the contract tests and the CLI use: no wire, but inputs and outputs still go through a structured
 * clone so nothing that would not survive IPC or JSON (functions, class instances) slips through unnoticed.
 */
export function createInProcessTransport(services: Pick<Services, 'dispatcher' | 'events'>): Transport {
  return {
    async call(method, input): Promise<Result<unknown>> {
      return structuredClone(await services.dispatcher.dispatch(method, structuredClone(input)))
    },
    subscribe(listener) {
      return services.events.subscribe((event, payload) => listener(event, structuredClone(payload)))
    },
  }
}
