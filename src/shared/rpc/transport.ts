import type { Result } from '../result'

export type EventListener = (event: string, payload: unknown) => void

/**
 * What carries calls and events between the renderer and the services. IPC, HTTP and the in-process pair used
 * by tests all implement this and nothing more, so the contract suite can run unchanged over each.
 */
export interface Transport {
  call(method: string, input: unknown): Promise<Result<unknown>>
  subscribe(listener: EventListener): () => void
}

/** Header that carries the browser host's per-run token. */
export const TOKEN_HEADER = 'x-ninefold-token'
