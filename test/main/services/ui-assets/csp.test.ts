import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startBridge, type Bridge } from '../../../../src/main/bridge'
import { createAppProtocolHandler } from '../../../../src/main/electron/protocol'
import { createDesk, createDirectDeskApi } from '../../../../src/main/services/desk'
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  cspConnectSources,
} from '../../../../src/main/services/ui-assets'
import { makeAppRoot } from '../../../support/fakeAppRoot'
import { useTempDirs } from '../../../support/tempDir'
import { signInAdmin } from '../../../support/signIn'

const tempDir = useTempDirs()

const directive = (policy: string, name: string): string | undefined =>
  policy
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.slice(name.length + 1)

describe('contentSecurityPolicy', () => {
  it("without hubs, connect-src is 'self' only (the bridge WebSocket) and the rest is unchanged", () => {
    expect(contentSecurityPolicy()).toBe(CONTENT_SECURITY_POLICY)
    expect(directive(CONTENT_SECURITY_POLICY, 'connect-src')).toBe("'self'")
    expect(directive(CONTENT_SECURITY_POLICY, 'script-src')).toBe("'self'")
    expect(directive(CONTENT_SECURITY_POLICY, 'default-src')).toBe("'self'")
    expect(directive(CONTENT_SECURITY_POLICY, 'frame-ancestors')).toBe("'none'")
  })

  it('adds exactly the configured hub origins to connect-src, and nowhere else', () => {
    const policy = contentSecurityPolicy({
      connectOrigins: ['https://hub.example.com', 'http://127.0.0.1:8787', 'https://hub.example.com'],
    })
    expect(directive(policy, 'connect-src')).toBe("'self' http://127.0.0.1:8787 https://hub.example.com")
    expect(policy.replace(directive(policy, 'connect-src') ?? '', "'self'")).toBe(CONTENT_SECURITY_POLICY)
  })

  it('drops anything that is not a plain http(s) origin instead of pasting it into the policy', () => {
    expect(
      cspConnectSources([
        "http://a;script-src 'unsafe-eval'",
        'http://evil.com; script-src *',
        'https://hub.example.com/path',
        'ws://hub.example.com',
        '*',
        'https://*.example.com',
        'http://[::1]:8787',
        "'unsafe-inline'",
        'HTTPS://Hub.Example.com:8443',
      ]),
    ).toEqual(['https://hub.example.com:8443'])
  })
})

describe('the policy served to the renderer follows the saved hub', () => {
  const bridges: Bridge[] = []
  afterEach(async () => {
    for (const b of bridges.splice(0)) await b.close()
  })

  async function deskWithHub(hubUrl: string | null) {
    const root = makeAppRoot(tempDir())
    const desk = await createDesk({
      dataDir: tempDir(),
      host: 'browser',
      version: '1',
      modelsDir: join(root, 'models'),
    })
    const { api } = createDirectDeskApi(desk)
    await signInAdmin(api)
    await api.tenants.create({ id: 'acme', name: 'Acme' })
    await api.tenants.select({ tenantId: 'acme' })
    if (hubUrl) await api.sync['credentials.set']({ hubUrl, deskId: 'd1', token: 't' })
    return { desk, api, rendererDir: join(root, 'out', 'renderer') }
  }

  it('pebble-desk serve: the next page load may connect to the hub that was just saved', async () => {
    const { desk, api, rendererDir } = await deskWithHub(null)
    const bridge = await startBridge({ desk, rendererDir })
    bridges.push(bridge)
    const csp = async () => {
      const response = await fetch(`http://127.0.0.1:${bridge.port}/index.html`, {
        headers: { cookie: `pebble_desk_token=${bridge.token}` },
      })
      expect(response.status).toBe(200)
      return directive(response.headers.get('content-security-policy') ?? '', 'connect-src')
    }
    expect(await csp()).toBe("'self'")
    await api.sync['credentials.set']({ hubUrl: 'http://127.0.0.1:8787', deskId: 'd1', token: 't' })
    expect(await csp()).toBe("'self' http://127.0.0.1:8787")
    await api.sync['credentials.clear']()
    expect(await csp()).toBe("'self'")
  })

  it('app:// protocol: the same policy, from the same source', async () => {
    const { desk, rendererDir } = await deskWithHub('https://hub.example.com')
    const handler = createAppProtocolHandler(rendererDir, () => desk.connectOrigins())
    const response = await handler({ url: 'app://desk/index.html' })
    expect(directive(response.headers.get('content-security-policy') ?? '', 'connect-src')).toBe(
      "'self' https://hub.example.com",
    )
  })
})
