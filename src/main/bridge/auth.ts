import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const TOKEN_COOKIE = 'pebble_desk_token'

export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return null
}

export type AuthVerdict =
  { ok: true; via: 'query' | 'cookie' } | { ok: false; status: 401 | 403 | 421; reason: string }

/**
 * The bridge serves one user on this machine. A request passes only with the per-run token
 * (query on first load, then an HttpOnly cookie), a Host naming the loopback port (defeats DNS
 * rebinding) and, when the browser sends one, an Origin equal to the bridge's own.
 */
export function checkRequest(request: IncomingMessage, token: string, port: number): AuthVerdict {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
  if (!allowedHosts.includes(request.headers.host ?? '')) {
    return { ok: false, status: 421, reason: 'wrong Host header' }
  }
  const origin = request.headers.origin
  if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) {
    return { ok: false, status: 403, reason: `origin ${origin} is not allowed` }
  }
  if (request.headers['sec-fetch-site'] === 'cross-site') {
    return { ok: false, status: 403, reason: 'cross-site request' }
  }
  const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`)
  const queryToken = url.searchParams.get('token')
  if (queryToken !== null) {
    return sameToken(queryToken, token)
      ? { ok: true, via: 'query' }
      : { ok: false, status: 401, reason: 'wrong token' }
  }
  const cookie = cookieValue(request.headers.cookie, TOKEN_COOKIE)
  if (cookie !== null && sameToken(cookie, token)) return { ok: true, via: 'cookie' }
  return { ok: false, status: 401, reason: 'missing token' }
}
