/**
 * Exponential backoff with "full jitter" (AWS Architecture Blog, 2015): the delay is uniform in
 * [0, min(cap, base * 2^attempt)). Desks that went offline together would otherwise all come back
 * on the same schedule and hit the hub in waves.
 */
export interface BackoffOptions {
  baseMs: number
  capMs: number
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 5 * 60_000 }

/** The ceiling for a given attempt (0 = first retry); exposed so callers can show "retrying within …". */
export function backoffCeiling(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const safeAttempt = Math.max(0, Math.floor(attempt))
  // 2^attempt overflows to Infinity long after it passed the cap, and Math.min handles Infinity.
  return Math.min(options.capMs, options.baseMs * 2 ** safeAttempt)
}

/** `random` returns a number in [0, 1); injected so tests are deterministic. */
export function fullJitterDelay(
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  return Math.floor(random() * backoffCeiling(attempt, options))
}
