/**
 * Signer PINs and passwords as salted PBKDF2-HMAC-SHA-256 (WebCrypto). OWASP's 2023 figure for
 * this hash is 600,000 iterations; the count is stored per signer so it can be raised later and old
 * hashes still verify.
 */
export const PIN_ITERATIONS = 600_000
export const MIN_SECRET_LENGTH = 4

export interface StoredSecret {
  hash: string
  salt: string
  iterations: number
}

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes))
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0))

async function derive(secret: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), 'PBKDF2', false, [
    'deriveBits',
  ])
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  )
  return new Uint8Array(bits)
}

export async function hashSecret(secret: string, iterations = PIN_ITERATIONS): Promise<StoredSecret> {
  if (secret.length < MIN_SECRET_LENGTH)
    throw new Error(`a PIN or password needs at least ${MIN_SECRET_LENGTH} characters`)
  const salt = crypto.getRandomValues(new Uint8Array(16))
  return { hash: toBase64(await derive(secret, salt, iterations)), salt: toBase64(salt), iterations }
}

/** Compares every byte whatever the first difference, so timing says nothing about the PIN. */
export async function verifySecret(secret: string, stored: StoredSecret): Promise<boolean> {
  const expected = fromBase64(stored.hash)
  const actual = await derive(secret, fromBase64(stored.salt), stored.iterations)
  let diff = expected.length ^ actual.length
  for (let i = 0; i < expected.length; i++) diff |= expected[i]! ^ (actual[i] ?? 0)
  return diff === 0
}
