/**
 * A small typed emitter. Unlike node's EventEmitter, an "error" event with no listener does not
 * throw: a bad scanner must never take the desk down.
 */
export class TypedEmitter<Events extends { [K in keyof Events]: (payload: never) => void }> {
  private readonly listeners = new Map<keyof Events, Set<(payload: never) => void>>()

  on<K extends keyof Events>(event: K, listener: Events[K]): () => void {
    const set = this.listeners.get(event) ?? new Set()
    set.add(listener)
    this.listeners.set(event, set)
    return () => set.delete(listener)
  }

  protected emit<K extends keyof Events>(event: K, payload: Parameters<Events[K]>[0]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        ;(listener as (p: Parameters<Events[K]>[0]) => void)(payload)
      } catch {
        // A failing listener must not stop the others or the read loop.
      }
    }
  }
}
