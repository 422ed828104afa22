import { spawn, type ChildProcess } from 'node:child_process'
import pg from 'pg'
import { decideWorkers, type QueueSnapshot, type ScalePolicy } from '../bulk/autoscale'
import { QUEUE_SNAPSHOT_SQL } from '../bulk/queue'

export type SupervisorOptions = {
  databaseUrl: string
  policy: ScalePolicy
  /** How to start one worker process (this same entry without --autoscale). */
  command: { script: string; args: string[] }
  tickSeconds: number
  emit(event: Record<string, unknown>): void
}

/**
 * `--autoscale min..max`: starts and stops worker processes on this machine by decideWorkers, the
 * same rule the KEDA ScaledObject applies in a cluster. Stopping is SIGTERM: a worker finishes its
 * jobs in flight (pg-boss graceful stop) and anything it leaves is re-leased after expiry anyway.
 */
export async function runSupervisor(options: SupervisorOptions): Promise<{ stop: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: options.databaseUrl })
  await client.connect()
  const workers: ChildProcess[] = []
  let lastChange = Date.now()
  let timer: NodeJS.Timeout | undefined
  let stopping = false

  const start = () => {
    const child = spawn(process.execPath, [options.command.script, ...options.command.args], {
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    workers.push(child)
    child.once('exit', (code, signal) => {
      workers.splice(workers.indexOf(child), 1)
      if (!stopping) options.emit({ event: 'worker-exit', pid: child.pid, code, signal })
    })
  }

  const tick = async () => {
    const r = await client.query<{ depth: number; active: number; oldest_seconds: number }>(
      QUEUE_SNAPSHOT_SQL,
    )
    const row = r.rows[0]
    const queue: QueueSnapshot = {
      depth: row?.depth ?? 0,
      active: row?.active ?? 0,
      oldestWaitingSeconds: row?.oldest_seconds ?? 0,
    }
    const decision = decideWorkers(options.policy, queue, workers.length, (Date.now() - lastChange) / 1000)
    if (decision.workers !== workers.length) {
      options.emit({
        event: 'scale',
        from: workers.length,
        to: decision.workers,
        reason: decision.reason,
        ...queue,
      })
      lastChange = Date.now()
      while (workers.length < decision.workers) start()
      for (const child of workers.slice(decision.workers)) child.kill('SIGTERM')
    }
  }
  const loop = () => {
    timer = setTimeout(() => {
      tick()
        .catch((error: unknown) => options.emit({ event: 'error', message: String(error) }))
        .finally(() => {
          if (!stopping) loop()
        })
    }, options.tickSeconds * 1000)
  }
  await tick()
  loop()
  return {
    stop: async () => {
      stopping = true
      clearTimeout(timer)
      await Promise.all(
        workers.map(
          (child) => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))),
        ),
      )
      await client.end()
    },
  }
}
