import { createDeskApi, type DeskApi } from '../../shared/contract'
import { ALWAYS_CONNECTED, type DeskConnection } from './connection'
import { WsTransport } from './ws-transport'

export { ALWAYS_CONNECTED, type ConnectionState, type DeskConnection } from './connection'
export { WsTransport, type SocketConstructor, type SocketLike, type WsTransportOptions } from './ws-transport'
export { describeError, type UiError } from './errors'

interface Bridge {
  desk: DeskApi
  connection: DeskConnection
}

let bridge: Bridge | null = null

/**
 * The one place that decides the host: Electron's preload has already put a DeskApi on
 * `window.desk`; anywhere else the page was served by `pebble-desk serve`, whose WebSocket sits on
 * the same origin (the auth cookie set on the first request rides along).
 */
function connect(): Bridge {
  const preloaded = (window as Window & { desk?: DeskApi }).desk
  if (preloaded) return { desk: preloaded, connection: ALWAYS_CONNECTED }
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  const transport = new WsTransport({ url: `${scheme}://${location.host}/ws`, WebSocket })
  return { desk: createDeskApi(transport), connection: transport.connection }
}

export function getDesk(): DeskApi {
  bridge ??= connect()
  return bridge.desk
}

export function getDeskConnection(): DeskConnection {
  bridge ??= connect()
  return bridge.connection
}
