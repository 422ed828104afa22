import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import type { WebSocket } from 'ws'
import { DeskError, requestFrameSchema, toErrorEnvelope, type ServerFrame } from '../../shared/contract'
import type { Desk } from '../services/desk'
import { onFirstUse } from '../services/modules/onFirstUse'
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, loadAsset } from '../services/ui-assets'
import { checkRequest, newToken, TOKEN_COOKIE } from './auth'

/** ws is loaded when a bridge starts, not by every command line run that never serves one. */
const ws = onFirstUse<typeof import('ws')>('ws')

export interface BridgeOptions {
  desk: Desk
  /** The built renderer (out/renderer). */
  rendererDir: string
  /** 0 picks a free port. */
  port?: number
  token?: string
  /** Largest WebSocket message, which bounds a single upload. */
  maxMessageBytes?: number
}

export interface Bridge {
  readonly url: string
  readonly port: number
  readonly token: string
  close(): Promise<void>
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

function refuse(response: ServerResponse, status: number, reason: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
  response.end(
    status === 401
      ? `Pebble Desk: ${reason}. Open the URL that "pebble-desk serve" printed.\n`
      : `Pebble Desk: ${reason}.\n`,
  )
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

/** Serves the built renderer and carries the desk contract over one WebSocket, on loopback only. */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? newToken()
  const { desk, rendererDir } = options
  let port = 0

  const handleHttp = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const verdict = checkRequest(request, token, port)
    if (!verdict.ok) return refuse(response, verdict.status, verdict.reason)
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return refuse(response, 405, 'method not allowed')
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`)
    if (verdict.via === 'query') {
      // Trade the token in the address bar for a cookie the page's later requests carry.
      url.searchParams.delete('token')
      response.writeHead(303, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname + url.search,
      })
      return void response.end()
    }
    try {
      const asset = await loadAsset(rendererDir, url.pathname)
      // Read per response: a hub saved in Settings is reachable after the next page load.
      const connectOrigins = await desk.connectOrigins().catch(() => [])
      response.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Security-Policy': contentSecurityPolicy({ connectOrigins }),
        'Content-Type': asset.contentType,
        'Content-Length': asset.body.length,
        // A worker takes its CSP from its own script's response: a cached copy would keep the
        // policy from before a hub was saved and block the sync worker. Loopback, so no loss.
        'Cache-Control': 'no-store',
      })
      response.end(request.method === 'HEAD' ? undefined : asset.body)
    } catch (error) {
      const envelope = toErrorEnvelope(error)
      refuse(response, envelope.code === 'FORBIDDEN' ? 403 : 404, envelope.message)
    }
  }

  const { WebSocketServer } = ws()
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes ?? 256 * 1024 * 1024,
  })

  const serveSocket = (socket: WebSocket): void => {
    const send = (frame: ServerFrame): void => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame))
    }
    const session = desk.openSession((name, payload) => send({ t: 'evt', name, payload }))
    socket.on('message', async (data, isBinary) => {
      let id = -1
      try {
        if (isBinary) throw new DeskError('INVALID_INPUT', 'binary frames are not part of the protocol')
        let json: unknown
        try {
          json = JSON.parse(data.toString())
        } catch {
          throw new DeskError('INVALID_INPUT', 'a request frame must be JSON')
        }
        const frame = requestFrameSchema.safeParse(json)
        if (!frame.success) throw new DeskError('INVALID_INPUT', 'malformed request frame')
        id = frame.data.id
        const outcome = await desk.registry.dispatch(frame.data.method, frame.data.params, session)
        send(
          outcome.ok
            ? { t: 'res', id, ok: true, result: outcome.result }
            : { t: 'res', id, ok: false, error: outcome.error },
        )
      } catch (error) {
        send({ t: 'res', id, ok: false, error: toErrorEnvelope(error) })
      }
    })
    socket.on('close', () => desk.closeSession(session))
  }

  const server: Server = createServer((request, response) => void handleHttp(request, response))
  server.on('upgrade', (request, socket, head) => {
    const verdict = checkRequest(request, token, port)
    if (!verdict.ok) return refuseUpgrade(socket, verdict.status, verdict.reason)
    if (request.headers.origin === undefined) return refuseUpgrade(socket, 403, 'origin required')
    if (new URL(request.url ?? '/', 'http://x').pathname !== '/ws')
      return refuseUpgrade(socket, 404, 'not found')
    sockets.handleUpgrade(request, socket, head, serveSocket)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new DeskError('IO_ERROR', `port ${options.port} is already in use`)
          : new DeskError('IO_ERROR', `cannot listen on 127.0.0.1: ${error.message}`),
      ),
    )
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    async close() {
      for (const client of sockets.clients) client.terminate()
      sockets.close()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
    },
  }
}
