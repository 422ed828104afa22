import { EVENT_NAMES, METHOD_NAMES, type EventName, type MethodName } from './names'
import type { EventPayload, MethodParams, MethodResult } from './methods'

type GroupOf<M extends string> = M extends `${infer G}.${string}` ? G : never
export type MethodGroup = GroupOf<MethodName>

type Call<M extends MethodName> =
  Record<string, never> extends MethodParams<M>
    ? (params?: MethodParams<M>) => Promise<MethodResult<M>>
    : (params: MethodParams<M>) => Promise<MethodResult<M>>

export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void

/** What the renderer sees as `window.desk`, whichever host it runs on. */
export type DeskApi = {
  readonly [G in MethodGroup]: {
    readonly [M in MethodName as M extends `${G}.${infer N}` ? N : never]: Call<M>
  }
} & {
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void
}

/** The two primitives a host must provide; everything else is built from the contract's names. */
export interface DeskTransport {
  call(method: MethodName, params: unknown): Promise<unknown>
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void
}

export function createDeskApi(transport: DeskTransport): DeskApi {
  const groups: Record<string, Record<string, (params?: unknown) => Promise<unknown>>> = {}
  for (const method of METHOD_NAMES) {
    // Split at the first dot only: 'sync.credentials.get' is api.sync['credentials.get'], as DeskApi types it.
    const dot = method.indexOf('.')
    const group = method.slice(0, dot)
    const name = method.slice(dot + 1)
    groups[group] ??= {}
    groups[group][name] = (params?: unknown) => transport.call(method, params ?? {})
  }
  const on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`unknown event ${String(event)}`)
    return transport.subscribe(event, listener)
  }
  // The shape is built from METHOD_NAMES, which is the same list DeskApi is typed from.
  return Object.freeze({ ...groups, on }) as unknown as DeskApi
}
