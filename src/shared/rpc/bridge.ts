import type { Result } from '../result'
import type { EventListener } from './transport'

/** IPC channel names shared by the preload and the main process. */
export const RPC_CHANNEL = 'ninefold:rpc'
export const EVENT_CHANNEL = 'ninefold:event'

/** What the preload exposes on `window.ninefold`: two functions, nothing that reaches Node or Electron directly. */
export interface NinefoldBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>
  on(listener: EventListener): () => void
}
