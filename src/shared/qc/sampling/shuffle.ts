import { sha256 } from '../../crypto'

export const PRNG_NAME = 'xoshiro128** seeded with SHA-256(seed)'

/**
 * xoshiro128** (Blackman & Vigna) seeded from the first 16 bytes of SHA-256 of the UTF-8 seed
 * string, read as four little-endian 32-bit words. Any seed string gives a well-mixed, non-zero
 * state, and the same seed gives the same sequence on every platform: the pick list can be
 * re-derived from the audit record.
 */
export function seededRandom(seed: string): () => number {
  const bytes = sha256(seed)
  const s = new Uint32Array(4)
  for (let i = 0; i < 4; i++) {
    s[i] =
      (bytes[i * 4]! | (bytes[i * 4 + 1]! << 8) | (bytes[i * 4 + 2]! << 16) | (bytes[i * 4 + 3]! << 24)) >>> 0
  }
  if (s[0] === 0 && s[1] === 0 && s[2] === 0 && s[3] === 0) s[0] = 1
  const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0
  return () => {
    const result = Math.imul(rotl(Math.imul(s[1]!, 5) >>> 0, 7), 9) >>> 0
    const t = (s[1]! << 9) >>> 0
    s[2]! ^= s[0]!
    s[3]! ^= s[1]!
    s[1]! ^= s[2]!
    s[0]! ^= s[3]!
    s[2]! ^= t
    s[3] = rotl(s[3]!, 11)
    return result / 2 ** 32
  }
}

/** Unbiased integer in [0, n) by rejection, so large lots are not skewed towards low numbers. */
function below(next: () => number, n: number): number {
  const limit = Math.floor(2 ** 32 / n) * n
  for (;;) {
    const x = Math.floor(next() * 2 ** 32)
    if (x < limit) return x % n
  }
}

/**
 * Chooses `count` of the units 1..`total` (partial Fisher–Yates): returns them in the order drawn
 * and sorted, the latter for walking the warehouse.
 */
export function pickUnits(seed: string, total: number, count: number): { drawn: number[]; sorted: number[] } {
  if (count > total) throw new RangeError(`cannot pick ${count} of ${total}`)
  const next = seededRandom(seed)
  // A sparse swap map keeps a 500,000-unit lot from allocating the whole range.
  const swapped = new Map<number, number>()
  const at = (i: number) => swapped.get(i) ?? i + 1
  const drawn: number[] = []
  for (let i = 0; i < count; i++) {
    const j = i + below(next, total - i)
    const picked = at(j)
    swapped.set(j, at(i))
    drawn.push(picked)
  }
  return { drawn, sorted: [...drawn].sort((a, b) => a - b) }
}
