/**
 * Retry delays for everything that reconnects: the sync outbox, the UI's bridge socket, serial
 * scanners. Exponential, capped, and jittered so clients that failed together do not all come back
 * in the same instant (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015).
 */
export interface BackoffOptions {
  baseMs: number
  capMs: number
  /** Never retry sooner than this (full jitter can draw 0; a dead port should not be hammered). */
  floorMs?: number
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 5 * 60_000 }

/** The ceiling for a given attempt (0 = first retry); exposed so callers can show "retrying within …". */
export function backoffCeiling(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const safeAttempt = Math.max(0, Math.floor(attempt))
  // 2^attempt overflows to Infinity long after it passed the cap, and Math.min handles Infinity.
  return Math.min(options.capMs, options.baseMs * 2 ** safeAttempt)
}

/** Full jitter: uniform in [floor, ceiling). `random` returns [0, 1); injected so tests are deterministic. */
export function fullJitterDelay(
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  return Math.max(options.floorMs ?? 0, Math.floor(random() * backoffCeiling(attempt, options)))
}

/**
 * Equal jitter: half the window fixed, half random. For a UI reconnecting to its own local service,
 * where near-zero retries would only spin while the service restarts.
 */
export function equalJitterDelay(
  attempt: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const window = backoffCeiling(attempt, options)
  return Math.round(window / 2 + random() * (window / 2))
}
