import type { CustomScheme } from 'electron'
import { DeskError } from '../../shared/contract'
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  loadAsset,
  type ConnectOriginsSource,
} from '../services/ui-assets'
import { APP_ORIGIN, APP_SCHEME } from './trust'

/**
 * Standard + secure gives app:// a real origin (so 'self' in the CSP, IndexedDB and fetch work)
 * without opening file:// to the renderer. Must be registered before the app is ready.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
}

const BASE_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
}

/** What the handler reads from a request: just enough that tests can pass a raw, unnormalised URL. */
export interface AppRequest {
  readonly url: string
  readonly method?: string
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  })
}

/**
 * The path is cut from the raw URL string rather than parsed with `new URL`, so a `..` that reaches
 * us is refused by resolveAssetPath instead of being silently folded away.
 */
function rawPathOf(url: string): string | null {
  const prefix = `${APP_ORIGIN}/`
  if (url.slice(0, prefix.length).toLowerCase() !== prefix) return null
  return url.slice(prefix.length - 1).split(/[?#]/, 1)[0] ?? '/'
}

/** Serves the built renderer from `root` for `protocol.handle('app', ...)`; CSP on every response. */
export function createAppProtocolHandler(
  root: string,
  connectOrigins: ConnectOriginsSource = () => Promise.resolve([]),
): (request: AppRequest) => Promise<Response> {
  return async (request) => {
    const method = (request.method ?? 'GET').toUpperCase()
    if (method !== 'GET' && method !== 'HEAD') return textResponse(405, 'method not allowed')
    const path = rawPathOf(request.url)
    if (path === null) return textResponse(403, 'forbidden')
    try {
      const asset = await loadAsset(root, path)
      const body = method === 'HEAD' ? null : new Uint8Array(asset.body)
      const origins = await connectOrigins().catch(() => [])
      const csp = contentSecurityPolicy({ connectOrigins: origins })
      return new Response(body, {
        status: 200,
        headers: { ...BASE_HEADERS, 'Content-Security-Policy': csp, 'Content-Type': asset.contentType },
      })
    } catch (error) {
      if (error instanceof DeskError && error.code === 'FORBIDDEN') return textResponse(403, 'forbidden')
      if (error instanceof DeskError && error.code === 'NOT_FOUND') return textResponse(404, 'not found')
      return textResponse(500, 'internal error')
    }
  }
}
