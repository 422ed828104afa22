import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { IpcMain, WebContents } from 'electron'
import { registerDeskIpc, type DeskIpc } from '../../../src/main/electron/ipc'
import { HandlerRegistry, IPC_CHANNELS, type EventName } from '../../../src/shared/contract'
import type { DeskSession } from '../../../src/main/services/desk/types'
import { FakeFrame, FakeIpcMain, FakeWebContents } from './fake-electron'

let ipcMain: FakeIpcMain
let registry: HandlerRegistry<DeskSession>
let ourWindow: FakeWebContents
let closed: DeskSession[]
let opened: DeskSession[]
let deskIpc: DeskIpc
const appInfo = vi.fn((_params: unknown, session: DeskSession) => ({
  name: 'Pebble Desk',
  version: '1.0.0',
  host: 'electron' as const,
  tenant: session.tenantId ? { id: session.tenantId, name: session.tenantId } : null,
  models: [],
}))
const selectTenant = vi.fn((params: { tenantId: string }, session: DeskSession) => {
  session.tenantId = params.tenantId
  return { id: params.tenantId, name: 'Acme' }
})

beforeEach(() => {
  appInfo.mockClear()
  selectTenant.mockClear()
  ipcMain = new FakeIpcMain()
  registry = new HandlerRegistry<DeskSession>()
    .register('app.info', appInfo)
    .register('tenants.select', selectTenant)
    .register('jobs.list', () => {
      throw new Error('disk on fire')
    })
  ourWindow = new FakeWebContents()
  closed = []
  opened = []
  const desk = {
    registry,
    openSession(emit: (event: EventName, payload: unknown) => void): DeskSession {
      const session: DeskSession = {
        id: `s${opened.length + 1}`,
        tenantId: null,
        user: null,
        lastActive: 0,
        emit,
      }
      opened.push(session)
      return session
    },
    closeSession: (session: DeskSession) => void closed.push(session),
  }
  deskIpc = registerDeskIpc({
    ipcMain: ipcMain as unknown as IpcMain,
    desk,
    isTrustedWindow: (contents: WebContents) => contents === (ourWindow as unknown as WebContents),
  })
})

const fromTopFrame = () => ({ contents: ourWindow, frame: ourWindow.mainFrame })
const call = (
  sender: { contents: FakeWebContents; frame: FakeFrame | null },
  method: unknown,
  params?: unknown,
) => ipcMain.invoke(IPC_CHANNELS.call, sender, method, params)

describe('registerDeskIpc', () => {
  it('registers exactly one channel', () => {
    expect([...ipcMain.handlers.keys()]).toEqual(['desk:call'])
  })

  it('a call from the trusted top frame reaches the registry', async () => {
    const outcome = await call(fromTopFrame(), 'app.info', {})
    expect(outcome).toEqual({
      ok: true,
      result: { name: 'Pebble Desk', version: '1.0.0', host: 'electron', tenant: null, models: [] },
    })
    expect(appInfo).toHaveBeenCalledTimes(1)
  })

  it.each([
    [
      'a page navigated elsewhere',
      () => ({ contents: ourWindow, frame: new FakeFrame('https://evil.example/') }),
    ],
    ['a file:// page', () => ({ contents: ourWindow, frame: new FakeFrame('file:///tmp/x.html') })],
    ['another app:// host', () => ({ contents: ourWindow, frame: new FakeFrame('app://evil/index.html') })],
    [
      'a subframe, even on app://desk',
      () => ({ contents: ourWindow, frame: new FakeFrame('app://desk/index.html', ourWindow.mainFrame) }),
    ],
    ['a missing senderFrame', () => ({ contents: ourWindow, frame: null })],
    [
      'a frame disposed mid-call',
      () => {
        const frame = new FakeFrame('app://desk/index.html')
        Object.defineProperty(frame, 'url', {
          get: () => {
            throw new Error('Render frame was disposed before WebFrameMain could be accessed')
          },
        })
        return { contents: ourWindow, frame }
      },
    ],
    [
      'a window the shell did not create',
      () => {
        const stranger = new FakeWebContents()
        return { contents: stranger, frame: stranger.mainFrame }
      },
    ],
  ])('refuses %s with FORBIDDEN and never runs the handler', async (_label, sender) => {
    const outcome = await call(sender(), 'tenants.select', { tenantId: 'acme' })
    expect(outcome).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(selectTenant).not.toHaveBeenCalled()
    expect(opened).toEqual([])
  })

  it('returns INVALID_INPUT for a malformed request without running the handler', async () => {
    const outcome = await call(fromTopFrame(), 'tenants.select', { tenantId: 'Not A Slug!' })
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(selectTenant).not.toHaveBeenCalled()
  })

  it('returns UNKNOWN_METHOD for names outside the contract', async () => {
    for (const method of ['fs.readFile', 42, undefined, '__proto__']) {
      expect(await call(fromTopFrame(), method, {})).toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_METHOD' },
      })
    }
  })

  it('turns a handler crash into a plain INTERNAL envelope without a stack', async () => {
    const outcome = await call(fromTopFrame(), 'jobs.list', {})
    expect(outcome).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'disk on fire' } })
    expect(structuredClone(outcome)).toEqual(outcome)
  })

  it('keeps one session per window across calls', async () => {
    await call(fromTopFrame(), 'tenants.select', { tenantId: 'acme' })
    const outcome = await call(fromTopFrame(), 'app.info', {})
    expect(outcome).toMatchObject({ ok: true, result: { tenant: { id: 'acme' } } })
    expect(opened).toHaveLength(1)
    expect(selectTenant.mock.calls[0]?.[1]).toBe(opened[0])
  })

  it('delivers session events to its own window on the event channel', async () => {
    await call(fromTopFrame(), 'app.info', {})
    opened[0]?.emit('documents.changed', { tenantId: 'acme' })
    expect(ourWindow.sent).toEqual([['desk:event', 'documents.changed', { tenantId: 'acme' }]])
  })

  it('closes the session when the window is destroyed, and sends nothing afterwards', async () => {
    await call(fromTopFrame(), 'app.info', {})
    ourWindow.destroy()
    expect(closed).toEqual(opened)
    opened[0]?.emit('documents.changed', { tenantId: 'acme' })
    expect(ourWindow.sent).toEqual([])
  })

  it('dispose removes the channel and closes open sessions once', async () => {
    await call(fromTopFrame(), 'app.info', {})
    deskIpc.dispose()
    expect(ipcMain.handlers.size).toBe(0)
    ourWindow.destroy()
    expect(closed).toEqual(opened)
  })
})
