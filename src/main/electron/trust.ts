/** The renderer's only origin: the app:// scheme with one fixed host, served from out/renderer. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'desk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const START_URL = `${APP_ORIGIN}/index.html`

/**
 * True only for app://desk/... URLs. Credentials and ports are refused because the real
 * origin never carries them, so their presence means someone built the URL by hand.
 */
export function isTrustedUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url.length === 0) return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  )
}
