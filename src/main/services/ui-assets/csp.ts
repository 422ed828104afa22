export interface CspOptions {
  /**
   * Origins the page and its workers may fetch from besides its own: the configured hubs.
   * Anything that is not a plain http(s) origin is dropped, never pasted into the policy.
   */
  connectOrigins?: readonly string[]
}

// scheme://host[:port] with a DNS name or IPv4 host: no path, no spaces, no ';' or quotes that
// could end the directive and smuggle in another.
const ORIGIN = /^https?:\/\/[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::\d{1,5})?$/

export function cspConnectSources(origins: readonly string[]): string[] {
  return [...new Set(origins.map((o) => o.toLowerCase()).filter((o) => ORIGIN.test(o)))].sort()
}

/**
 * The renderer's Content-Security-Policy, shared by the app:// protocol, the Electron session and
 * the browser bridge. No inline script, no eval, no remote origins except the named hubs;
 * 'self' in connect-src covers the bridge WebSocket.
 */
export function contentSecurityPolicy(options: CspOptions = {}): string {
  const connect = ["'self'", ...cspConnectSources(options.connectOrigins ?? [])].join(' ')
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** The policy with no hub configured. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy()

/** Resolves the hub origins at response time, so a saved hub takes effect on the next page load. */
export type ConnectOriginsSource = () => Promise<readonly string[]>
