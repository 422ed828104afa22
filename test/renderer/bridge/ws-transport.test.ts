import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import type { AddressInfo } from 'node:net'
import { createDeskApi, type DeskError, type EventPayload } from '../../../src/shared/contract'
import { WsTransport, type ConnectionState } from '../../../src/renderer/bridge'

interface Server {
  wss: WebSocketServer
  url: string
  /** Every request frame the server received, in order. */
  requests: Array<{ id: number; method: string; params: unknown }>
  sockets: Set<WebSocket>
  onRequest: (socket: WebSocket, frame: { id: number; method: string; params: unknown }) => void
}

const tenant = { id: 'acme', name: 'Acme Foods' }
const servers: Server[] = []
const transports: WsTransport[] = []

async function startServer(onRequest: Server['onRequest']): Promise<Server> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()))
  const { port } = wss.address() as AddressInfo
  const server: Server = {
    wss,
    url: `ws://127.0.0.1:${port}/ws`,
    requests: [],
    sockets: new Set(),
    onRequest,
  }
  wss.on('connection', (socket) => {
    server.sockets.add(socket)
    socket.on('close', () => server.sockets.delete(socket))
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { id: number; method: string; params: unknown }
      server.requests.push(frame)
      server.onRequest(socket, frame)
    })
  })
  servers.push(server)
  return server
}

function client(url: string): WsTransport {
  const transport = new WsTransport({ url, WebSocket, backoff: { baseMs: 20, capMs: 50 } })
  transports.push(transport)
  return transport
}

function waitForState(transport: WsTransport, wanted: ConnectionState): Promise<void> {
  if (transport.connection.state === wanted) return Promise.resolve()
  return new Promise((resolve) => {
    const off = transport.connection.subscribe((state) => {
      if (state === wanted) {
        off()
        resolve()
      }
    })
  })
}

const reply = (socket: WebSocket, frame: object): void => socket.send(JSON.stringify(frame))

afterEach(async () => {
  for (const t of transports.splice(0)) t.close()
  for (const s of servers.splice(0)) {
    for (const socket of s.sockets) socket.terminate()
    await new Promise<void>((resolve) => s.wss.close(() => resolve()))
  }
})

describe('bridge WebSocket client', () => {
  it('matches each response to its request even when answers arrive out of order', async () => {
    const held: Array<{ socket: WebSocket; id: number; method: string }> = []
    const server = await startServer((socket, frame) => {
      held.push({ socket, id: frame.id, method: frame.method })
      if (held.length < 2) return
      // Answer the second request first.
      for (const h of [...held].reverse()) {
        const result =
          h.method === 'tenants.select'
            ? tenant
            : { tenants: [tenant, { id: 'beta', name: 'Beta Labs' }], current: 'beta' }
        reply(h.socket, { t: 'res', id: h.id, ok: true, result })
      }
    })
    const desk = createDeskApi(client(server.url))

    const [list, selected] = await Promise.all([
      desk.tenants.list(),
      desk.tenants.select({ tenantId: 'acme' }),
    ])

    expect(list.current).toBe('beta')
    expect(list.tenants.map((t) => t.id)).toEqual(['acme', 'beta'])
    expect(selected).toEqual(tenant)
    expect(server.requests.map((r) => r.method)).toEqual(['tenants.list', 'tenants.select'])
    expect(server.requests[1]?.params).toEqual({ tenantId: 'acme' })
    expect(new Set(server.requests.map((r) => r.id)).size).toBe(2)
  })

  it('rejects with the error frame’s code and message', async () => {
    const server = await startServer((socket, frame) =>
      reply(socket, {
        t: 'res',
        id: frame.id,
        ok: false,
        error: { code: 'NOT_FOUND', message: 'no tenant "zeta"', details: { tenantId: 'zeta' } },
      }),
    )
    const desk = createDeskApi(client(server.url))

    const error = await desk.tenants.select({ tenantId: 'zeta' }).then(
      () => Promise.reject(new Error('expected a rejection')),
      (e: unknown) => e as DeskError,
    )

    expect(error).toBeInstanceOf(Error)
    expect(error.code).toBe('NOT_FOUND')
    expect(error.message).toBe('no tenant "zeta"')
  })

  it('ignores malformed frames and still answers the call', async () => {
    const server = await startServer((socket, frame) => {
      socket.send('this is not json')
      reply(socket, { t: 'res', id: 'seven', ok: true, result: {} })
      reply(socket, { t: 'res', id: frame.id + 1000, ok: true, result: tenant })
      reply(socket, { t: 'evt', name: 'jobs.progress', payload: { id: 42 } })
      reply(socket, { t: 'evt', name: 'no.such.event', payload: {} })
      reply(socket, { t: 'res', id: frame.id, ok: true, result: tenant })
    })
    const transport = client(server.url)
    const desk = createDeskApi(transport)
    const seen: unknown[] = []
    desk.on('jobs.progress', (job) => seen.push(job))

    await expect(desk.tenants.select({ tenantId: 'acme' })).resolves.toEqual(tenant)
    expect(seen).toEqual([])
    expect(transport.connection.state).toBe('connected')
  })

  it('rejects a result that does not match the method’s response schema', async () => {
    const server = await startServer((socket, frame) =>
      reply(socket, { t: 'res', id: frame.id, ok: true, result: { id: 'acme' } }),
    )
    const desk = createDeskApi(client(server.url))

    await expect(desk.tenants.select({ tenantId: 'acme' })).rejects.toMatchObject({ code: 'INTERNAL' })
  })

  it('delivers validated events to listeners', async () => {
    const server = await startServer(() => undefined)
    const transport = client(server.url)
    const desk = createDeskApi(transport)
    const changed = new Promise<EventPayload<'documents.changed'>>((resolve) =>
      desk.on('documents.changed', resolve),
    )
    await waitForState(transport, 'connected')

    for (const socket of server.sockets)
      reply(socket, { t: 'evt', name: 'documents.changed', payload: { tenantId: 'acme' } })

    await expect(changed).resolves.toEqual({ tenantId: 'acme' })
  })

  it('fails pending calls with DISCONNECTED when the socket drops, then reconnects', async () => {
    let answer = false
    const server = await startServer((socket, frame) => {
      if (answer) reply(socket, { t: 'res', id: frame.id, ok: true, result: tenant })
      else socket.terminate()
    })
    const transport = client(server.url)
    const desk = createDeskApi(transport)
    const states: ConnectionState[] = []
    transport.connection.subscribe((s) => states.push(s))

    await expect(desk.tenants.select({ tenantId: 'acme' })).rejects.toMatchObject({ code: 'DISCONNECTED' })
    expect(transport.connection.state).toBe('reconnecting')
    await expect(desk.tenants.list()).rejects.toMatchObject({ code: 'DISCONNECTED' })

    answer = true
    await waitForState(transport, 'connected')
    await expect(desk.tenants.select({ tenantId: 'acme' })).resolves.toEqual(tenant)
    expect(states).toEqual(['connected', 'reconnecting', 'connected'])
  })

  it('waits for the first connection instead of failing calls made before it opens', async () => {
    const server = await startServer((socket, frame) =>
      reply(socket, { t: 'res', id: frame.id, ok: true, result: tenant }),
    )
    const transport = client(server.url)
    expect(transport.connection.state).toBe('connecting')

    await expect(createDeskApi(transport).tenants.select({ tenantId: 'acme' })).resolves.toEqual(tenant)
  })
})
