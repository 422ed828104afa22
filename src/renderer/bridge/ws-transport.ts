import {
  DeskError,
  EventListeners,
  events,
  formatZodIssues,
  isEventName,
  isMethodName,
  methods,
  serverFrameSchema,
  type DeskTransport,
  type EventName,
  type MethodName,
  type RequestFrame,
} from '../../shared/contract'
import { equalJitterDelay, type BackoffOptions } from '../../shared/backoff'

/** The local service restarts in seconds; a UI never waits more than 10 s to find it again. */
const RECONNECT_BACKOFF: BackoffOptions = { baseMs: 250, capMs: 10_000 }
import type { ConnectionState, DeskConnection } from './connection'
import { redactDeep } from '../../shared/redaction'

/**
 * The part of a WebSocket this client uses. Both the browser's WebSocket and the `ws` package
 * fit it, so tests can drive the client against a real server from Node.
 */
export interface SocketLike {
  readonly readyState: number
  send(data: string): void
  close(code?: number, reason?: string): void
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
}
export type SocketConstructor = new (url: string) => SocketLike

export interface WsTransportOptions {
  url: string
  WebSocket: SocketConstructor
  backoff?: BackoffOptions
  random?: () => number
}

interface Pending {
  method: MethodName
  frame: string
  sent: boolean
  resolve: (value: unknown) => void
  reject: (error: Error) => void
}

const OPEN = 1

/** DeskTransport over the bridge WebSocket: request/response correlation, events, reconnects. */
export class WsTransport implements DeskTransport {
  private socket: SocketLike | null = null
  private currentState: ConnectionState = 'connecting'
  private nextId = 1
  private attempt = 0
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private readonly pending = new Map<number, Pending>()
  private readonly eventListeners = new EventListeners()
  private readonly stateListeners = new Set<(state: ConnectionState) => void>()

  constructor(private readonly options: WsTransportOptions) {
    const read = (): ConnectionState => this.currentState
    this.connection = {
      get state() {
        return read()
      },
      subscribe: (listener) => {
        this.stateListeners.add(listener)
        return () => this.stateListeners.delete(listener)
      },
    }
    this.open()
  }

  /** The link's state, for the status bar; kept apart from DeskTransport so the UI sees only this. */
  readonly connection: DeskConnection

  subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
    return this.eventListeners.add(event, listener)
  }

  call(method: MethodName, params: unknown): Promise<unknown> {
    if (!isMethodName(method)) {
      return Promise.reject(
        new DeskError('UNKNOWN_METHOD', `"${String(method)}" is not a method of the desk contract`),
      )
    }
    // A call made while the link is known to be down fails at once instead of hanging until a
    // reconnect that may never come; only the very first connection attempt is waited for.
    if (this.currentState === 'reconnecting' || this.currentState === 'closed') {
      return Promise.reject(disconnected())
    }
    const id = this.nextId++
    const frame: RequestFrame = { t: 'req', id, method, params }
    return new Promise((resolve, reject) => {
      const entry: Pending = { method, frame: JSON.stringify(frame), sent: false, resolve, reject }
      this.pending.set(id, entry)
      if (this.socket?.readyState === OPEN) this.send(entry)
    })
  }

  /** Stops reconnecting and fails whatever is still pending. */
  close(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
    const socket = this.socket
    this.socket = null
    this.setState('closed')
    this.failPending()
    socket?.close(1000, 'client closed')
  }

  private open(): void {
    const socket = new this.options.WebSocket(this.options.url)
    this.socket = socket
    socket.addEventListener('open', () => {
      if (this.socket !== socket) return
      this.attempt = 0
      this.setState('connected')
      for (const entry of this.pending.values()) if (!entry.sent) this.send(entry)
    })
    socket.addEventListener('message', (event: { data: unknown }) => {
      if (this.socket === socket) this.receive(event.data)
    })
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return
      this.socket = null
      this.failPending()
      this.setState('reconnecting')
      this.scheduleReconnect()
    })
    // 'error' is always followed by 'close', which does the work; listening keeps Node's ws quiet.
    socket.addEventListener('error', () => undefined)
  }

  private scheduleReconnect(): void {
    const delay = equalJitterDelay(
      this.attempt++,
      this.options.backoff ?? RECONNECT_BACKOFF,
      this.options.random,
    )
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      if (this.currentState !== 'closed') this.open()
    }, delay)
  }

  private send(entry: Pending): void {
    entry.sent = true
    this.socket?.send(entry.frame)
  }

  private failPending(): void {
    const entries = [...this.pending.values()]
    this.pending.clear()
    for (const entry of entries) entry.reject(disconnected())
  }

  private receive(data: unknown): void {
    // The server is trusted but not its every byte: anything unparseable is dropped, not thrown.
    if (typeof data !== 'string') return
    let raw: unknown
    try {
      raw = JSON.parse(data)
    } catch {
      return
    }
    const parsed = serverFrameSchema.safeParse(raw)
    if (!parsed.success) return
    const frame = parsed.data
    if (frame.t === 'evt') {
      this.dispatchEvent(frame.name, frame.payload)
      return
    }
    const entry = this.pending.get(frame.id)
    if (!entry) return
    this.pending.delete(frame.id)
    if (!frame.ok) {
      entry.reject(DeskError.fromEnvelope(frame.error))
      return
    }
    const checked = methods[entry.method].response.safeParse(frame.result)
    if (checked.success) entry.resolve(checked.data)
    else {
      entry.reject(
        new DeskError(
          'INTERNAL',
          `${entry.method} returned an invalid response: ${formatZodIssues(checked.error)}`,
        ),
      )
    }
  }

  private dispatchEvent(name: string, payload: unknown): void {
    if (!isEventName(name)) return
    const checked = events[name].safeParse(payload)
    if (!checked.success) return
    this.eventListeners.emit(name, checked.data, (error) =>
      console.error(`listener for ${name} failed`, redactDeep(error)),
    )
  }

  private setState(state: ConnectionState): void {
    if (this.currentState === state) return
    this.currentState = state
    for (const listener of [...this.stateListeners]) listener(state)
  }
}

function disconnected(): DeskError {
  return new DeskError('DISCONNECTED', 'The connection to the desk service was lost. Retry once it is back.')
}
