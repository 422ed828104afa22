import { describe, expect, it } from 'vitest'
import type { Session, WebContents } from 'electron'
import { hardenSession, hardenWebContents } from '../../../src/main/electron/security'
import { CONTENT_SECURITY_POLICY } from '../../../src/main/services/ui-assets'
import { FakeSession, FakeWebContents } from './fake-electron'

function hardened(): FakeWebContents {
  const contents = new FakeWebContents()
  hardenWebContents(contents as unknown as WebContents)
  return contents
}

const outside = ['https://example.com/', 'file:///etc/passwd', 'app://evil/index.html', 'javascript:alert(1)']

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])(
    '%s: external URLs are prevented',
    (name) => {
      const contents = hardened()
      for (const url of outside) expect(contents.fire(name, url).defaultPrevented, url).toBe(true)
    },
  )

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s: app://desk is allowed', (name) => {
    const contents = hardened()
    expect(contents.fire(name, 'app://desk/index.html').defaultPrevented).toBe(false)
    expect(contents.fire(name, 'app://desk/index.html#/coa').defaultPrevented).toBe(false)
  })

  it('denies window.open, including for app:// and https links', () => {
    const contents = hardened()
    for (const url of ['https://example.com/', 'app://desk/index.html', 'about:blank']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' })
    }
  })

  it('prevents attaching a webview', () => {
    const contents = hardened()
    expect(contents.fire('will-attach-webview').defaultPrevented).toBe(true)
  })
})

describe('hardenSession', () => {
  function hardenedSession(): FakeSession {
    const session = new FakeSession()
    hardenSession(session as unknown as Session)
    return session
  }

  it('denies every permission request', () => {
    const session = hardenedSession()
    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'clipboard-read',
      'openExternal',
      'unknown',
    ]) {
      const answers: boolean[] = []
      session.permissionRequestHandler?.(new FakeWebContents(), permission, (granted: boolean) =>
        answers.push(granted),
      )
      expect(answers, permission).toEqual([false])
    }
  })

  it('answers every permission check with false', () => {
    const session = hardenedSession()
    for (const permission of ['media', 'clipboard-read', 'serial', 'usb', 'hid']) {
      expect(session.permissionCheckHandler?.(null, permission, 'app://desk', {}), permission).toBe(false)
    }
  })

  it('puts the desk CSP on responses, replacing a weaker one', async () => {
    const session = hardenedSession()
    const headers = await new Promise<Record<string, string[]> | undefined>((resolve) =>
      session.headersListener?.(
        {
          responseHeaders: {
            'content-security-policy': ["default-src *; script-src 'unsafe-eval'"],
            'X-Other': ['1'],
          },
        },
        (response) => resolve(response.responseHeaders),
      ),
    )
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
  })

  it('lets the page connect to the configured hub origins, and answers even if the lookup fails', async () => {
    const respond = (origins: () => Promise<readonly string[]>) => {
      const session = new FakeSession()
      hardenSession(session as unknown as Session, origins)
      return new Promise<string | undefined>((resolve) =>
        session.headersListener?.({ responseHeaders: {} }, (response) =>
          resolve(response.responseHeaders?.['Content-Security-Policy']?.[0]),
        ),
      )
    }
    expect(await respond(async () => ['https://hub.example.com'])).toContain(
      "connect-src 'self' https://hub.example.com;",
    )
    expect(await respond(() => Promise.reject(new Error('keychain locked')))).toBe(CONTENT_SECURITY_POLICY)
  })
})
