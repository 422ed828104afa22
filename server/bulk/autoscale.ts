/**
 * The autoscaler's rule, pure so it is tested without processes or clocks: how many workers to run
 * for the queue as it stands. The supervisor (server/workers) and the KEDA ScaledObject
 * (deploy/k8s) apply the same rule: one worker per `jobsPerWorker` waiting jobs (the seed's
 * worker_queue_depth threshold of 500), at least one more when the oldest job has waited too long,
 * within min..max, and no scale-down until the cool-down has passed since the last change.
 */
export type ScalePolicy = {
  min: number
  max: number
  /** Waiting jobs one worker is expected to clear: the queue-depth threshold. */
  jobsPerWorker: number
  /** A job older than this means the workers are not keeping up, whatever the depth says. */
  maxJobAgeSeconds: number
  /** Seconds after any change before workers are removed (adding is never held back). */
  cooldownSeconds: number
}

export const DEFAULT_SCALE_POLICY: Omit<ScalePolicy, 'min' | 'max'> = {
  jobsPerWorker: 500,
  maxJobAgeSeconds: 120,
  cooldownSeconds: 60,
}

export type QueueSnapshot = {
  /** Jobs waiting (created or retry), all tenants. */
  depth: number
  /** Jobs being worked on now. */
  active: number
  oldestWaitingSeconds: number
}

export type ScaleDecision = { workers: number; reason: string }

export function decideWorkers(
  policy: ScalePolicy,
  queue: QueueSnapshot,
  current: number,
  secondsSinceLastChange: number,
): ScaleDecision {
  const clamp = (n: number) => Math.max(policy.min, Math.min(policy.max, n))
  const pending = queue.depth + queue.active
  let wanted = pending === 0 ? 0 : Math.ceil(pending / policy.jobsPerWorker)
  let reason = `${queue.depth} waiting, ${queue.active} active: ${wanted} worker(s) at ${policy.jobsPerWorker} per worker`
  if (queue.depth > 0 && queue.oldestWaitingSeconds > policy.maxJobAgeSeconds && wanted <= current) {
    wanted = current + 1
    reason = `oldest job has waited ${Math.round(queue.oldestWaitingSeconds)}s (> ${policy.maxJobAgeSeconds}s): one more worker`
  }
  const target = clamp(wanted)
  if (target < current && secondsSinceLastChange < policy.cooldownSeconds) {
    return {
      workers: current,
      reason: `would scale down to ${target}, cooling down (${Math.round(secondsSinceLastChange)}s of ${policy.cooldownSeconds}s)`,
    }
  }
  if (target !== wanted) reason += ` (held within ${policy.min}..${policy.max})`
  return { workers: target, reason }
}

/** `2..8` → { min: 2, max: 8 }; names the flag in its error. */
export function parseScaleRange(text: string): { min: number; max: number } {
  const m = /^(\d+)\.\.(\d+)$/.exec(text.trim())
  if (!m) throw new Error(`--autoscale: expected min..max such as 1..4, got "${text}"`)
  const min = Number(m[1])
  const max = Number(m[2])
  if (max < 1 || min > max) throw new Error(`--autoscale: need 0 <= min <= max and max >= 1, got "${text}"`)
  return { min, max }
}
