/**
 * RFC 9562 UUIDv7 with a 42-bit per-millisecond counter (§6.2 method 1) in rand_a and the top of
 * rand_b, so ids sort in creation order even when thousands are made in one millisecond. The
 * counter is seeded randomly (top bit clear, leaving 2^41 increments of headroom) so ids from
 * different desks in the same millisecond still do not collide.
 */

const COUNTER_BITS = 42
const COUNTER_MAX = 2 ** COUNTER_BITS - 1
const LOW_BITS = 2 ** 30
const MAX_TIMESTAMP = 2 ** 48 - 1

export const UUIDV7_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

export interface UuidV7Source {
  /** Milliseconds since the Unix epoch. */
  now: () => number
  /** Fills the array with cryptographically strong random bytes. */
  fill: (bytes: Uint8Array) => void
}

const defaultSource: UuidV7Source = {
  now: () => Date.now(),
  fill: (bytes) => {
    globalThis.crypto.getRandomValues(bytes)
  },
}

/** A generator with its own monotonic state; the module-level `uuidv7` is one of these. */
export function createUuidV7(source: UuidV7Source = defaultSource): () => string {
  let lastTimestamp = -1
  let counter = 0
  const random = new Uint8Array(10)

  return () => {
    source.fill(random)
    // A clock that steps backwards (NTP, manual change) must not break ordering, so time only
    // moves forward from the generator's point of view.
    const now = Math.max(Math.floor(source.now()), lastTimestamp)
    if (now > lastTimestamp) {
      lastTimestamp = now
      counter = seedCounter(random)
    } else if (counter < COUNTER_MAX) {
      counter += 1
    } else {
      // Counter exhausted within one millisecond: borrow the next one rather than repeat.
      lastTimestamp += 1
      counter = seedCounter(random)
    }
    if (lastTimestamp > MAX_TIMESTAMP) throw new RangeError('timestamp does not fit in 48 bits')
    return format(lastTimestamp, counter, random)
  }
}

function seedCounter(random: Uint8Array): number {
  // 41 random bits: bytes 0..4 give 40, plus one bit of byte 5.
  let value = (random[0] ?? 0) & 0xff
  for (let i = 1; i < 5; i++) value = value * 256 + (random[i] ?? 0)
  return value * 2 + ((random[5] ?? 0) & 1)
}

function format(timestamp: number, counter: number, random: Uint8Array): string {
  const bytes = new Uint8Array(16)
  let t = timestamp
  for (let i = 5; i >= 0; i--) {
    bytes[i] = t % 256
    t = Math.floor(t / 256)
  }
  const high = Math.floor(counter / LOW_BITS) // 12 bits -> rand_a
  const low = counter % LOW_BITS // 30 bits -> top of rand_b
  bytes[6] = 0x70 | (high >>> 8)
  bytes[7] = high & 0xff
  bytes[8] = 0x80 | (low >>> 24)
  bytes[9] = (low >>> 16) & 0xff
  bytes[10] = (low >>> 8) & 0xff
  bytes[11] = low & 0xff
  bytes.set(random.subarray(6, 10), 12)
  let hex = ''
  for (const b of bytes) hex += b.toString(16).padStart(2, '0')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export const uuidv7: () => string = createUuidV7()

export function isUuidV7(value: string): boolean {
  return UUIDV7_PATTERN.test(value)
}

/** The creation time encoded in the id, in ms since the epoch. */
export function uuidv7Timestamp(id: string): number {
  if (!isUuidV7(id)) throw new TypeError(`not a UUIDv7: ${id}`)
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16)
}
