import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from '../../../src/main/electron/protocol'
import { CONTENT_SECURITY_POLICY } from '../../../src/main/services/ui-assets'

// Layout: <tmp>/secret.txt next to <tmp>/renderer/, so a traversal of one level would reach it.
let base: string
let serve: ReturnType<typeof createAppProtocolHandler>

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'pebble-protocol-'))
  const root = join(base, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>')
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(base, 'secret.txt'), 'top secret')
  serve = createAppProtocolHandler(root)
})

afterAll(() => rmSync(base, { recursive: true, force: true }))

describe('app:// scheme privileges', () => {
  it('is standard, secure and fetchable', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    })
  })
})

describe('createAppProtocolHandler', () => {
  it('serves index.html with the CSP header', async () => {
    const response = await serve({ url: 'app://desk/index.html' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toContain('<div id="root">')
  })

  it('serves assets with their content type, and / as index.html', async () => {
    const script = await serve(new Request('app://desk/assets/app.js'))
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('console.log(1)')
    expect(await (await serve({ url: 'app://desk/?x=1#y' })).text()).toContain('id="root"')
  })

  it.each([
    'app://desk/../../etc/passwd',
    'app://desk/../secret.txt',
    'app://desk/%2e%2e/%2e%2e/etc/passwd',
    'app://desk/%2E%2E/secret.txt',
    'app://desk/..%2f..%2fetc%2fpasswd',
    'app://desk/%2e%2e%2fsecret.txt',
    'app://desk/..%5csecret.txt',
    'app://desk/index.html%00.js',
    'app://desk/%E0%A4%A',
  ])('refuses %s with 403 and still sends the CSP', async (url) => {
    const response = await serve({ url })
    expect(response.status).toBe(403)
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await response.text()).not.toContain('secret')
  })

  it('never leaks a file outside the root even after URL normalisation', async () => {
    // Chromium folds dot segments before the handler runs, as Request does here.
    const response = await serve(new Request('app://desk/%2e%2e/secret.txt'))
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('top secret')
  })

  it('refuses another host of the scheme', async () => {
    expect((await serve({ url: 'app://evil/index.html' })).status).toBe(403)
  })

  it('returns 404 with the CSP for a missing file', async () => {
    const response = await serve({ url: 'app://desk/assets/missing.js' })
    expect(response.status).toBe(404)
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
  })

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await serve({ url: 'app://desk/index.html', method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    expect((await serve({ url: 'app://desk/index.html', method: 'POST' })).status).toBe(405)
  })
})
