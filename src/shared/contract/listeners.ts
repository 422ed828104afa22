// Kept free of zod so the sandboxed preload can bundle it.
import type { EventName } from './names'

type Listener = (payload: unknown) => void

/**
 * Subscribers by event name: the one fan-out every host (preload, browser bridge client, direct
 * calls) uses to hand pushed events to whoever subscribed.
 */
export class EventListeners {
  private readonly byEvent = new Map<EventName, Set<Listener>>()

  /** Returns the unsubscribe function. */
  add(event: EventName, listener: Listener): () => void {
    let set = this.byEvent.get(event)
    if (!set) this.byEvent.set(event, (set = new Set()))
    // Wrapped, so the same function subscribed twice is two subscriptions, each removed on its own.
    const own: Listener = (payload) => listener(payload)
    set.add(own)
    return () => {
      set.delete(own)
    }
  }

  /** One listener that throws must not starve the others; its error goes to `onError`. */
  emit(event: EventName, payload: unknown, onError?: (error: unknown) => void): void {
    for (const listener of [...(this.byEvent.get(event) ?? [])]) {
      try {
        listener(payload)
      } catch (error) {
        if (onError) onError(error)
        else throw error
      }
    }
  }
}
