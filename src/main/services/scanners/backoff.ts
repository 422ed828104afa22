export interface BackoffPolicy {
  baseMs: number
  capMs: number
  /** Never retry sooner than this, so a dead port is not hammered when the jitter draws 0. */
  floorMs: number
}

export const SCANNER_BACKOFF: BackoffPolicy = { baseMs: 250, capMs: 10_000, floorMs: 100 }

/**
 * Exponential backoff with full jitter (uniform in [floor, min(cap, base·2^attempt)]): several
 * scanners on one USB hub that drop together do not all retry in the same instant.
 */
export function reconnectDelay(
  attempt: number,
  policy: BackoffPolicy = SCANNER_BACKOFF,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, Math.floor(attempt)))
  return Math.max(policy.floorMs, Math.floor(random() * ceiling))
}
