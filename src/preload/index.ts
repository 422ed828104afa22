// A sandboxed preload can require nothing but 'electron', so only the zod-free parts of the
// contract are imported here; the bundler inlines them.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { createDeskApi, type DeskApi, type DeskTransport } from '../shared/contract/api'
import { EventListeners } from '../shared/contract/listeners'
import { IPC_CHANNELS, isEventName } from '../shared/contract/names'

/**
 * What a failed call rejects with. A plain object, not an Error: contextBridge copies an Error's
 * message but drops custom properties, and the renderer needs `code`.
 */
export interface DeskCallFailure {
  name: 'DeskError'
  code: string
  message: string
  details?: Record<string, unknown>
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function failure(error: unknown): DeskCallFailure {
  const envelope = isRecord(error) ? error : {}
  const out: DeskCallFailure = {
    name: 'DeskError',
    code: typeof envelope.code === 'string' ? envelope.code : 'INTERNAL',
    message: typeof envelope.message === 'string' ? envelope.message : 'the desk call failed',
  }
  if (isRecord(envelope.details)) out.details = envelope.details
  return out
}

const listeners = new EventListeners()

// One channel listener fans out to subscribers, so the renderer never sees IpcRendererEvent
// (whose `sender` is ipcRenderer itself) and many subscriptions don't pile up IPC listeners.
ipcRenderer.on(IPC_CHANNELS.event, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (isEventName(name)) listeners.emit(name, payload)
})

const transport: DeskTransport = {
  async call(method, params) {
    const outcome: unknown = await ipcRenderer.invoke(IPC_CHANNELS.call, method, params)
    if (isRecord(outcome) && outcome.ok === true) return outcome.result
    throw failure(isRecord(outcome) ? outcome.error : undefined)
  },
  subscribe: (event, listener) => listeners.add(event, listener),
}

const api = createDeskApi(transport) satisfies DeskApi

contextBridge.exposeInMainWorld('desk', api)
