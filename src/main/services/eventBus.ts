import type { EventName, EventPayload } from '../../shared/contract'
import type { EventListener } from '../../shared/rpc/transport'

/** Fan-out of service events to whichever transports are attached (IPC window, SSE clients, tests). */
export class EventBus {
  private readonly listeners = new Set<EventListener>()

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload)
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
