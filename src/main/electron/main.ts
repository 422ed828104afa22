import { join } from 'node:path'
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  protocol,
  safeStorage,
  session,
  type WebContents,
} from 'electron'
import { defaultDataDir } from '../services/config/dataDir'
import { startDailyBackups } from '../services/backup'
import { createDesk, type Desk } from '../services/desk'
import { tuneMallocForPageBuffers } from '../services/memory'
import { registerDeskIpc, type DeskIpc } from './ipc'
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol'
import { createSafeStorageSecretStore } from './safe-storage'
import { hardenSession, hardenWebContents } from './security'
import { APP_SCHEME, START_URL } from './trust'
import { createWindowOptions, showWhenReady } from './window'
import { redactDeep, redactText } from '../../shared/redaction'

// out/main/index.js sits next to out/preload/ and out/renderer/.
const preloadPath = join(__dirname, '../preload/index.js')
const rendererRoot = join(__dirname, '../renderer')

const ourWindows = new Set<WebContents>()
let desk: Desk | null = null
let deskIpc: DeskIpc | null = null

function openWindow(): BrowserWindow {
  const win = new BrowserWindow(createWindowOptions(preloadPath))
  const contents = win.webContents
  ourWindows.add(contents)
  contents.once('destroyed', () => ourWindows.delete(contents))
  showWhenReady(win)
  void win.loadURL(START_URL)
  return win
}

// The CSP lets the renderer reach the hubs configured so far; before the desk exists, none.
const connectOrigins = (): Promise<string[]> => desk?.connectOrigins() ?? Promise.resolve([])

async function start(): Promise<void> {
  hardenSession(session.defaultSession, connectOrigins)
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot, connectOrigins))
  const dataDir = defaultDataDir()
  desk = await createDesk({
    dataDir,
    host: 'electron',
    version: app.getVersion(),
    modelsDir: join(app.getAppPath(), 'models'),
    workerScript: join(__dirname, 'document-worker.js'),
    secrets: createSafeStorageSecretStore({ safeStorage, dir: join(dataDir, 'secrets') }),
  })
  deskIpc = registerDeskIpc({ ipcMain, desk, isTrustedWindow: (contents) => ourWindows.has(contents) })
  openWindow()
  // The timer is unref'd, so it never holds the app open; a failed backup is logged, not fatal.
  void startDailyBackups(dataDir, (event) => {
    if (event.made) console.info(`daily backup written to ${event.made.file}`)
    if (event.error) console.error('the daily backup failed:', redactText(event.error.message))
  }).catch((error: unknown) => console.error('the daily backup could not start:', redactDeep(error)))
}

// Two instances would share one data folder and race on it; the second one hands over and exits.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  tuneMallocForPageBuffers(app.getAppPath())
  app.enableSandbox()
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
  // Every webContents, including ones we never meant to create, is held to app://desk.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))

  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0]
    if (!win) return
    if (win.isMinimized()) win.restore()
    win.focus()
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  app.on('activate', () => {
    if (desk && BrowserWindow.getAllWindows().length === 0) openWindow()
  })

  // Jobs and stores get to settle before the process goes: quit is deferred once, then resumed.
  let closing = false
  app.on('will-quit', (event) => {
    const open = desk
    if (!open) return
    event.preventDefault()
    if (closing) return
    closing = true
    deskIpc?.dispose()
    open
      .close()
      .catch((error: unknown) => console.error('closing the desk failed:', redactDeep(error)))
      .finally(() => {
        desk = null
        app.quit()
      })
  })

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error)
      dialog.showErrorBox('Pebble Desk could not start', message)
      app.exit(1)
    })
}
