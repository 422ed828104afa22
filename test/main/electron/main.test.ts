import { defaultDataDir } from '../../../src/main/services/config/dataDir'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { HandlerRegistry, IPC_CHANNELS } from '../../../src/shared/contract'
import type { DeskOptions, DeskSession } from '../../../src/main/services/desk/types'
import { fake } from './fake-electron-instance'

vi.mock('electron', async () => (await import('./fake-electron-instance')).fake)

const desk = vi.hoisted(() => ({
  options: [] as unknown[],
  close: { calls: 0, release: (): void => undefined },
}))

vi.mock('../../../src/main/services/desk', () => ({
  createDesk: async (options: DeskOptions) => {
    desk.options.push(options)
    const registry = new HandlerRegistry<DeskSession>().register('app.info', () => ({
      name: 'Pebble Desk',
      version: options.version,
      host: options.host,
      tenant: null,
      models: [],
    }))
    return {
      registry,
      openSession: (emit: DeskSession['emit']) => ({ id: 's1', tenantId: null, emit }),
      closeSession: () => undefined,
      idle: async () => undefined,
      connectOrigins: async () => [],
      close: () => {
        desk.close.calls++
        return new Promise<void>((resolve) => (desk.close.release = resolve))
      },
    }
  },
}))

const flush = () => new Promise((resolve) => setTimeout(resolve, 10))

// main.ts wires the process once at import, so these tests run in order against one instance.
describe('main.ts', () => {
  const platform = process.platform
  afterEach(() => Object.defineProperty(process, 'platform', { value: platform }))

  it('before ready: registers app:// as privileged and enables the sandbox, opens nothing', async () => {
    await import('../../../src/main/electron/main')
    expect(fake.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
    expect(fake.app.sandboxEnabled).toBe(true)
    expect(fake.protocol.handlers.size).toBe(0)
    expect(fake.windows).toEqual([])
    expect(desk.options).toEqual([])
  })

  it('on ready: creates the desk, serves app://, registers IPC and opens the window', async () => {
    fake.app.markReady()
    await flush()
    expect(desk.options).toEqual([
      {
        dataDir: defaultDataDir(),
        host: 'electron',
        version: '9.9.9',
        modelsDir: join('/fake/app', 'models'),
        workerScript: expect.stringMatching(/document-worker\.js$/),
        secrets: expect.objectContaining({ persistence: 'encrypted' }),
      },
    ])
    expect([...fake.protocol.handlers.keys()]).toEqual(['app'])
    expect([...fake.ipcMain.handlers.keys()]).toEqual([IPC_CHANNELS.call])
    expect(fake.windows).toHaveLength(1)
    const win = fake.windows[0]!
    expect(win.loadedUrl).toBe('app://desk/index.html')
    expect(win.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true },
    })
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(
      /preload[\\/]index\.js$/,
    )
    win.emit('ready-to-show')
    expect(win.shown).toBe(true)
  })

  it('hardens the session and every webContents it creates', () => {
    const contents = fake.windows[0]!.webContents
    expect(contents.fire('will-navigate', 'https://example.com/').defaultPrevented).toBe(true)
    expect(contents.fire('will-navigate', 'app://desk/index.html').defaultPrevented).toBe(false)
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    const answers: boolean[] = []
    fake.session.defaultSession.permissionRequestHandler?.(contents, 'media', (ok: boolean) =>
      answers.push(ok),
    )
    expect(answers).toEqual([false])
  })

  it('answers IPC from its window and refuses other webContents', async () => {
    const contents = fake.windows[0]!.webContents
    const ok = await fake.ipcMain.invoke(
      IPC_CHANNELS.call,
      { contents, frame: contents.mainFrame },
      'app.info',
      {},
    )
    expect(ok).toMatchObject({ ok: true, result: { host: 'electron', version: '9.9.9' } })
    const { FakeWebContents } = await import('./fake-electron')
    const stranger = new FakeWebContents()
    const refused = await fake.ipcMain.invoke(
      IPC_CHANNELS.call,
      { contents: stranger, frame: stranger.mainFrame },
      'app.info',
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('quits when all windows close, except on macOS', () => {
    Object.defineProperty(process, 'platform', { value: 'darwin' })
    fake.app.emit('window-all-closed')
    expect(fake.app.quitCalls).toBe(0)
    Object.defineProperty(process, 'platform', { value: 'linux' })
    fake.app.emit('window-all-closed')
    expect(fake.app.quitCalls).toBe(1)
  })

  it('holds the quit until the desk has closed, then quits again', async () => {
    const quitsBefore = fake.app.quitCalls
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) }
    fake.app.emit('will-quit', event)
    expect(event.defaultPrevented).toBe(true)
    expect(desk.close.calls).toBe(1)
    expect(fake.ipcMain.handlers.size).toBe(0)
    desk.close.release()
    await flush()
    expect(fake.app.quitCalls).toBe(quitsBefore + 1)
    const second = { defaultPrevented: false, preventDefault: () => (second.defaultPrevented = true) }
    fake.app.emit('will-quit', second)
    expect(second.defaultPrevented).toBe(false)
  })
})
