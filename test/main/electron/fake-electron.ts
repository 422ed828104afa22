// A small stand-in for the parts of 'electron' the shell touches. It records what the shell asks
// for and lets tests fire the events Electron would, so behaviour is checked without the binary.
import { EventEmitter } from 'node:events'

type Listener = (...args: unknown[]) => unknown

/** The object Electron passes to will-navigate & co. */
export class FakeEvent {
  defaultPrevented = false
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

export class FakeFrame {
  constructor(
    public url: string,
    readonly parent: FakeFrame | null = null,
  ) {}
}

let nextContentsId = 1

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++
  readonly sent: unknown[][] = []
  readonly mainFrame: FakeFrame
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  private destroyed = false

  constructor(url = 'app://desk/index.html') {
    super()
    this.mainFrame = new FakeFrame(url)
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args])
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }
  destroy(): void {
    this.destroyed = true
    this.emit('destroyed')
  }
  /** Emits a preventable navigation-style event the way Electron does, and returns it. */
  fire(name: string, url = ''): FakeEvent {
    const event = new FakeEvent(url)
    this.emit(name, event, url)
    return event
  }
}

type HeadersListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void

export class FakeSession {
  permissionRequestHandler: Listener | null = null
  permissionCheckHandler: Listener | null = null
  headersListener: HeadersListener | null = null
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener): void => {
      this.headersListener = listener
    },
  }
  setPermissionRequestHandler(handler: Listener): void {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: Listener): void {
    this.permissionCheckHandler = handler
  }
}

/**
 * Reversible but not plain text, so a test can tell that what reached the disk was "encrypted".
 * Fails the way Electron does when the keychain is unavailable.
 */
export class FakeSafeStorage {
  available = true
  backend: 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown' =
    'gnome_libsecret'
  isEncryptionAvailable(): boolean {
    return this.available
  }
  getSelectedStorageBackend(): FakeSafeStorage['backend'] {
    return this.backend
  }
  encryptString(plainText: string): Buffer {
    if (!this.available) throw new Error('Error while encrypting the text provided to encryptString.')
    return Buffer.from(`fake-enc:${Buffer.from(plainText, 'utf8').toString('base64')}`)
  }
  decryptString(encrypted: Buffer): string {
    const text = encrypted.toString()
    if (!this.available || !text.startsWith('fake-enc:'))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
    return Buffer.from(text.slice('fake-enc:'.length), 'base64').toString('utf8')
  }
}

export class FakeIpcMain {
  readonly handlers = new Map<string, Listener>()
  handle(channel: string, handler: Listener): void {
    // Electron throws on a second handler for one channel; so does the fake.
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    this.handlers.set(channel, handler)
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }
  /** What ipcRenderer.invoke would cause: the handler runs with an event naming the sender. */
  async invoke(
    channel: string,
    sender: { contents: FakeWebContents; frame: FakeFrame | null },
    ...args: unknown[]
  ): Promise<unknown> {
    const handler = this.handlers.get(channel)
    if (!handler) throw new Error(`No handler registered for '${channel}'`)
    return handler({ sender: sender.contents, senderFrame: sender.frame }, ...args)
  }
}

export function createFakeElectron() {
  let resolveReady!: () => void
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve
  })

  const app = Object.assign(new EventEmitter(), {
    quitCalls: 0,
    exitCodes: [] as number[],
    sandboxEnabled: false,
    /** The test decides when Electron becomes ready. */
    markReady: () => resolveReady(),
    whenReady: () => ready,
    getPath: (name: string) => `/fake/${name}`,
    getAppPath: () => '/fake/app',
    getVersion: () => '9.9.9',
    requestSingleInstanceLock: () => true,
    enableSandbox(): void {
      app.sandboxEnabled = true
    },
    quit(): void {
      app.quitCalls++
    },
    exit(code: number): void {
      app.exitCodes.push(code)
    },
  })

  const windows: FakeBrowserWindow[] = []
  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents()
    loadedUrl: string | null = null
    shown = false
    constructor(readonly options: Record<string, unknown>) {
      super()
      windows.push(this)
      app.emit('web-contents-created', {}, this.webContents)
    }
    static getAllWindows(): FakeBrowserWindow[] {
      return windows.filter((w) => !w.webContents.isDestroyed())
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url
      this.webContents.mainFrame.url = url
      return Promise.resolve()
    }
    show(): void {
      this.shown = true
    }
    isMinimized(): boolean {
      return false
    }
    restore(): void {}
    focus(): void {}
  }

  const protocol = {
    privileged: [] as unknown[],
    handlers: new Map<string, Listener>(),
    registerSchemesAsPrivileged(schemes: unknown[]): void {
      protocol.privileged.push(...schemes)
    },
    handle(scheme: string, handler: Listener): void {
      protocol.handlers.set(scheme, handler)
    },
  }

  const errors: string[][] = []
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    windows,
    protocol,
    session: { defaultSession: new FakeSession() },
    ipcMain: new FakeIpcMain(),
    safeStorage: new FakeSafeStorage(),
    dialog: { showErrorBox: (title: string, body: string) => errors.push([title, body]) },
    errors,
  }
}
