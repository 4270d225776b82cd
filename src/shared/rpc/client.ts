import {
  isEventName,
  type EventName,
  type EventPayload,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '../contract'
import { AppError } from '../result'
import type { Transport } from './transport'

export interface Client {
  /** Resolves with the method's output or rejects with an `AppError` carrying the service's code and message. */
  call<M extends MethodName>(
    method: M,
    ...input: Record<never, never> extends MethodInput<M> ? [MethodInput<M>?] : [MethodInput<M>]
  ): Promise<MethodOutput<M>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

export function createClient(transport: Transport): Client {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let unsubscribe: (() => void) | null = null

  const ensureSubscribed = (): void => {
    if (unsubscribe) return
    unsubscribe = transport.subscribe((event, payload) => {
      if (!isEventName(event)) return
      for (const listener of listeners.get(event) ?? []) listener(payload)
    })
  }

  return {
    async call(method, ...rest) {
      const result = await transport.call(method, rest[0] ?? {})
      if (!result.ok) throw AppError.fromShape(result.error)
      return result.value as never
    },
    on(event, listener) {
      ensureSubscribed()
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      const entry = listener as (payload: unknown) => void
      set.add(entry)
      return () => {
        set.delete(entry)
        if ([...listeners.values()].every((s) => s.size === 0) && unsubscribe) {
          unsubscribe()
          unsubscribe = null
        }
      }
    },
  }
}
