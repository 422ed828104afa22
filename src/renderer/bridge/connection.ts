export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'closed'

/** How the UI learns whether the desk service is reachable, whichever host it runs on. */
export interface DeskConnection {
  readonly state: ConnectionState
  /** Called on every change; returns an unsubscribe function. */
  subscribe(listener: (state: ConnectionState) => void): () => void
}

/** Electron's IPC cannot drop while the window lives, so its connection is always up. */
export const ALWAYS_CONNECTED: DeskConnection = Object.freeze({
  state: 'connected' as const,
  subscribe: () => () => undefined,
})
