import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'

/**
 * Every renderer runs sandboxed and isolated with no Node: it reaches the desk only through the
 * preload's named methods. Each flag is spelled out even where it is Electron's default, so a
 * future default change or an accidental edit shows up in review and in the unit test.
 */
export function createWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Pebble Desk',
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#f6f5f2',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  }
}

export function showWhenReady(win: Pick<BrowserWindow, 'once' | 'show'>): void {
  win.once('ready-to-show', () => win.show())
}
