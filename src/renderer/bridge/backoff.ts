export interface BackoffPolicy {
  /** First retry waits around this long. */
  baseMs: number
  /** No retry waits longer than this. */
  capMs: number
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 250, capMs: 10_000 }

/**
 * Exponential backoff with "equal jitter": half the window is fixed so a desk that lost its
 * service does not spin on near-zero delays, the other half is random so many windows
 * reconnecting at once do not arrive together.
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const window = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt))
  return Math.round(window / 2 + random() * (window / 2))
}
