import type { Session, WebContents } from 'electron'
import { contentSecurityPolicy, type ConnectOriginsSource } from '../services/ui-assets'
import { isTrustedUrl } from './trust'

/**
 * Keeps a webContents on app://desk: the desk is offline, so any other destination is either a bug
 * or injected content, and is refused rather than opened externally.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isTrustedUrl(event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isTrustedUrl(event.url)) event.preventDefault()
  })
  // Subframes are covered too: an iframe pointed elsewhere could otherwise render remote content.
  contents.on('will-frame-navigate', (event) => {
    if (!isTrustedUrl(event.url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

/** The desk needs no camera, notifications, clipboard reads or any other permission. */
export function hardenSession(
  session: Session,
  connectOrigins: ConnectOriginsSource = () => Promise.resolve([]),
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  // The app:// responses already carry the CSP; this also covers anything served another way.
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders }
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name]
    }
    // Must call back whatever happens, or the response hangs; a failed lookup allows no hub.
    void connectOrigins()
      .catch(() => [])
      .then((origins) => {
        const csp = contentSecurityPolicy({ connectOrigins: origins })
        callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp] } })
      })
  })
}
