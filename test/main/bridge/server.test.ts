import { join } from 'node:path'
import { request } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startBridge, type Bridge } from '../../../src/main/bridge'
import { createDesk } from '../../../src/main/services/desk'
import { makeAppRoot } from '../../support/fakeAppRoot'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs()
const open: Bridge[] = []
afterEach(async () => {
  for (const bridge of open.splice(0)) await bridge.close()
})

async function serve(): Promise<Bridge> {
  const root = makeAppRoot(tempDir())
  const desk = await createDesk({
    dataDir: tempDir(),
    host: 'browser',
    version: '1',
    modelsDir: join(root, 'models'),
  })
  const bridge = await startBridge({ desk, rendererDir: join(root, 'out', 'renderer') })
  open.push(bridge)
  return bridge
}

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Raw http.request, so the test controls Host and Origin exactly as an attacker could. */
function get(bridge: Bridge, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: bridge.port, path, headers }, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

async function cookieFor(bridge: Bridge): Promise<string> {
  const first = await get(bridge, `/?token=${bridge.token}`)
  expect(first.status).toBe(303)
  const cookie = first.headers['set-cookie']?.[0] ?? ''
  expect(cookie).toMatch(/HttpOnly/)
  expect(cookie).toMatch(/SameSite=Strict/)
  return cookie.split(';')[0] ?? ''
}

function connect(bridge: Bridge, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${bridge.port}/ws`, { headers })
    socket.once('open', () => resolve(socket))
    socket.once('error', reject)
  })
}

function callOver(socket: WebSocket, id: number, method: string, params: unknown = {}): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(data.toString()) as { t: string; id?: number }
      if (frame.t === 'res' && frame.id === id) {
        socket.off('message', onMessage)
        resolve(frame)
      }
    }
    socket.on('message', onMessage)
    socket.send(JSON.stringify({ t: 'req', id, method, params }))
  })
}

describe('browser bridge', () => {
  it('listens on loopback only and prints a URL carrying a per-run token', async () => {
    const a = await serve()
    const b = await serve()
    expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{40,}$/)
    expect(a.token).not.toBe(b.token)
  })

  it('refuses the UI without the token, or with a wrong one', async () => {
    const bridge = await serve()
    expect((await get(bridge, '/')).status).toBe(401)
    expect((await get(bridge, '/?token=guess')).status).toBe(401)
    expect((await get(bridge, '/', { Cookie: 'pebble_desk_token=guess' })).status).toBe(401)
  })

  it('serves the UI with a strict CSP once the token was presented', async () => {
    const bridge = await serve()
    const cookie = await cookieFor(bridge)
    const page = await get(bridge, '/', { Cookie: cookie })
    expect(page.status).toBe(200)
    expect(page.body).toContain('Pebble Desk')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect((await get(bridge, '/assets/app.js', { Cookie: cookie })).body).toContain('console.log')
  })

  it('never serves files outside the UI folder', async () => {
    const bridge = await serve()
    const cookie = await cookieFor(bridge)
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
    ]) {
      const reply = await get(bridge, path, { Cookie: cookie })
      expect(reply.body).not.toContain('outside the UI folder')
      expect([403, 404]).toContain(reply.status)
    }
  })

  it('rejects requests from another origin or host even with the right token', async () => {
    const bridge = await serve()
    const cookie = await cookieFor(bridge)
    expect((await get(bridge, '/', { Cookie: cookie, Origin: 'http://evil.example' })).status).toBe(403)
    expect((await get(bridge, '/', { Cookie: cookie, Host: `evil.example:${bridge.port}` })).status).toBe(421)
    await expect(connect(bridge, { Cookie: cookie, Origin: 'http://evil.example' })).rejects.toThrow(/403/)
    await expect(connect(bridge, { Origin: `http://127.0.0.1:${bridge.port}` })).rejects.toThrow(/401/)
  })

  it('carries the desk contract over one WebSocket, with events', async () => {
    const bridge = await serve()
    const cookie = await cookieFor(bridge)
    const socket = await connect(bridge, { Cookie: cookie, Origin: `http://127.0.0.1:${bridge.port}` })
    const events: { name: string; payload: { state?: string } }[] = []
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { t: string; name: string; payload: { state?: string } }
      if (frame.t === 'evt') events.push(frame)
    })
    // The bridge answers nothing but the sign-in screen until someone signs in on this socket.
    expect(await callOver(socket, 10, 'tenants.list')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'tenants.list: sign in first' },
    })
    await callOver(socket, 11, 'users.setup', { name: 'Test Admin', secret: 'test admin passphrase' })
    expect(await callOver(socket, 1, 'tenants.list')).toMatchObject({
      ok: true,
      result: { tenants: [{ id: 'default' }], current: 'default' },
    })
    expect(await callOver(socket, 2, 'tenants.select', { tenantId: 'NOT valid' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64')
    await callOver(socket, 3, 'documents.upload', { files: [{ name: 'a.png', dataBase64: png }] })
    await expect
      .poll(() => events.some((e) => e.name === 'jobs.progress' && e.payload.state === 'done'))
      .toBe(true)
    expect(events.some((e) => e.name === 'documents.changed')).toBe(true)
    socket.send('not json')
    expect(
      await new Promise((r) => socket.once('message', (d) => r(JSON.parse(d.toString())))),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    socket.close()
  })
})
