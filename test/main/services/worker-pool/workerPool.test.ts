import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { DeskError } from '../../../../src/shared/contract'
import { WorkerPool, type WorkerPoolOptions } from '../../../../src/main/services/worker-pool'
import { useTempDirs } from '../../../support/tempDir'

const tempDir = useTempDirs()
const zodUrl = pathToFileURL(createRequire(__filename).resolve('zod')).href

/**
 * A plain .mjs worker written at test time. It speaks the pool protocol and validates what it
 * receives with zod, as real workers do through serveTasks.
 */
const WORKER = `
import { parentPort, workerData, threadId } from 'node:worker_threads'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from '${zodUrl}'
const task = z.object({ type: z.literal('task'), id: z.number().int(), payload: z.object({ op: z.string() }).passthrough() })
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
parentPort.on('message', async (raw) => {
  const { id, payload } = task.parse(raw)
  const reply = (value) => parentPort.postMessage({ type: 'result', id, value })
  switch (payload.op) {
    case 'echo': return reply(payload.value)
    case 'sleep': await sleep(payload.ms); return reply(payload.value ?? 'slept')
    case 'thread': return reply(threadId)
    case 'crash': process.exit(3)
    case 'throw': setTimeout(() => { throw new Error('boom') }); return
    case 'crashOnce': {
      const marker = join(workerData.dir, payload.key)
      if (!existsSync(marker)) { writeFileSync(marker, 'x'); process.exit(4) }
      return reply('second time lucky')
    }
    case 'hangOnce': {
      // Blocks the thread for good the first time, as a wedged native call or a runaway loop would.
      const marker = join(workerData.dir, payload.key)
      if (!existsSync(marker)) { writeFileSync(marker, 'x'); for (;;) {} }
      return reply('recovered')
    }
    case 'fail': return parentPort.postMessage({ type: 'error', id, error: { code: 'CORRUPT_FILE', message: 'x.pdf: bad' } })
    case 'garbage': return parentPort.postMessage({ hello: 'world' })
    case 'sum': return reply(new Uint8Array(payload.bytes.buffer ?? payload.bytes).reduce((a, b) => a + b, 0))
  }
})
`

const pools: WorkerPool[] = []
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()))
})

function makePool(opts: Partial<WorkerPoolOptions<unknown>> = {}): { pool: WorkerPool; dir: string } {
  const dir = tempDir()
  const script = join(dir, 'worker.mjs')
  writeFileSync(script, WORKER)
  const pool = new WorkerPool({ script, size: 1, workerData: { dir }, name: 'test', ...opts })
  pools.push(pool)
  return { pool, dir }
}

async function rejection(promise: Promise<unknown>): Promise<DeskError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DeskError)
  return error as DeskError
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 25))
  expect(check()).toBe(true)
}

describe('WorkerPool', () => {
  it('defaults to one worker per core and runs a task', async () => {
    const { pool } = makePool({ size: undefined })
    expect(pool.size).toBeGreaterThanOrEqual(1)
    await expect(pool.run({ op: 'echo', value: { a: 1 } })).resolves.toEqual({ a: 1 })
    expect(pool.stats()).toMatchObject({ completed: 1, failed: 0, running: 0, queued: 0 })
  })

  it('runs higher priorities first and keeps submission order within a priority', async () => {
    const { pool } = makePool()
    const order: string[] = []
    const blocker = pool.run({ op: 'sleep', ms: 300, value: 'blocker' }).then((v) => order.push(String(v)))
    await until(() => pool.stats().running === 1)
    const queued = (
      [
        ['low-a', 0],
        ['high-a', 5],
        ['mid', 1],
        ['high-b', 5],
        ['low-b', 0],
      ] as const
    ).map(([value, priority]) =>
      pool.run({ op: 'echo', value }, { priority }).then((v) => order.push(String(v))),
    )
    expect(pool.queueDepth).toBe(5)
    expect(pool.stats()).toMatchObject({ running: 1, queued: 5 })
    await Promise.all([blocker, ...queued])
    expect(order).toEqual(['blocker', 'high-a', 'high-b', 'mid', 'low-a', 'low-b'])
    expect(pool.queueDepth).toBe(0)
  })

  it('removes a cancelled task from the queue', async () => {
    const { pool } = makePool()
    const blocker = pool.run({ op: 'sleep', ms: 300 })
    const controller = new AbortController()
    const queued = pool.run({ op: 'echo', value: 'never' }, { signal: controller.signal })
    expect(pool.queueDepth).toBe(1)
    controller.abort()
    expect((await rejection(queued)).code).toBe('CANCELLED')
    expect(pool.queueDepth).toBe(0)
    await expect(blocker).resolves.toBe('slept')
  })

  it('rejects a task whose signal is already aborted', async () => {
    const { pool } = makePool()
    expect((await rejection(pool.run({ op: 'echo' }, { signal: AbortSignal.abort() }))).code).toBe(
      'CANCELLED',
    )
  })

  it('terminates the worker of a cancelled running task and carries on with a new one', async () => {
    const { pool } = makePool()
    const first = await pool.run({ op: 'thread' })
    const controller = new AbortController()
    const running = pool.run({ op: 'sleep', ms: 60_000 }, { signal: controller.signal })
    await until(() => pool.stats().running === 1)
    controller.abort()
    expect((await rejection(running)).code).toBe('CANCELLED')
    const next = await pool.run({ op: 'thread' })
    expect(next).not.toBe(first)
    expect(pool.stats()).toMatchObject({ cancelled: 1, running: 0 })
  })

  it('times out a hung task, replaces its worker and keeps serving', async () => {
    const { pool } = makePool()
    const error = await rejection(pool.run({ op: 'sleep', ms: 60_000 }, { timeoutMs: 300 }))
    expect(error.code).toBe('TIMEOUT')
    expect(error.message).toMatch(/300 ms/)
    await expect(pool.run({ op: 'echo', value: 'alive' }, { timeoutMs: 10_000 })).resolves.toBe('alive')
    expect(pool.stats()).toMatchObject({ timedOut: 1, failed: 1, completed: 1 })
  })

  it('retries a task once after a crash, then fails it with WORKER_CRASHED', async () => {
    const { pool } = makePool()
    const error = await rejection(pool.run({ op: 'crash' }))
    expect(error.code).toBe('WORKER_CRASHED')
    expect(error.details).toMatchObject({ attempts: 2 })
    expect(pool.stats().crashed).toBe(2)
    await expect(pool.run({ op: 'echo', value: 'still here' })).resolves.toBe('still here')
  })

  it('treats an uncaught exception in the worker as a crash', async () => {
    const { pool } = makePool()
    expect((await rejection(pool.run({ op: 'throw' }))).code).toBe('WORKER_CRASHED')
  })

  it('succeeds when the retry of a crashed task works', async () => {
    const { pool } = makePool({ size: 2 })
    await expect(pool.run({ op: 'crashOnce', key: 'k1' })).resolves.toBe('second time lucky')
    expect(pool.stats()).toMatchObject({ crashed: 1, completed: 1, failed: 0 })
  })

  it('does not retry a task whose buffers were transferred', async () => {
    const { pool } = makePool()
    const bytes = new Uint8Array(16)
    expect((await rejection(pool.run({ op: 'crash', bytes }, { transfer: [bytes.buffer] }))).code).toBe(
      'WORKER_CRASHED',
    )
    expect(pool.stats().crashed).toBe(1)
  })

  it('moves transferred buffers instead of copying them', async () => {
    const { pool } = makePool()
    const bytes = Uint8Array.from([1, 2, 3, 4])
    await expect(pool.run({ op: 'sum', bytes }, { transfer: [bytes.buffer] })).resolves.toBe(10)
    expect(bytes.byteLength).toBe(0)
  })

  it('recycles a worker after N tasks', async () => {
    const { pool } = makePool({ maxTasksPerWorker: 2 })
    const threads: unknown[] = []
    for (let i = 0; i < 6; i++) threads.push(await pool.run({ op: 'thread' }))
    expect(new Set(threads).size).toBe(3)
    expect(threads[0]).toBe(threads[1])
    expect(pool.stats().recycled).toBe(3)
  })

  it('counts tasks by their recycle weight, so light tasks never force a restart', async () => {
    const { pool } = makePool({ maxTasksPerWorker: 2 })
    const threads: unknown[] = []
    for (let i = 0; i < 5; i++) threads.push(await pool.run({ op: 'thread' }, { recycleWeight: 0 }))
    expect(new Set(threads).size).toBe(1)
    threads.push(await pool.run({ op: 'thread' }), await pool.run({ op: 'thread' }))
    threads.push(await pool.run({ op: 'thread' }, { recycleWeight: 0 }))
    expect(new Set(threads).size).toBe(2)
    expect(pool.stats().recycled).toBe(1)
  })

  it('passes worker-side DeskErrors through with their code', async () => {
    const { pool } = makePool()
    const error = await rejection(pool.run({ op: 'fail' }))
    expect(error.code).toBe('CORRUPT_FILE')
    expect(error.message).toBe('x.pdf: bad')
    await expect(pool.run({ op: 'echo', value: 1 })).resolves.toBe(1)
  })

  it('rejects messages that break the protocol and replaces the worker', async () => {
    const { pool } = makePool()
    const error = await rejection(pool.run({ op: 'garbage' }))
    expect(error.code).toBe('INTERNAL')
    await expect(pool.run({ op: 'echo', value: 2 })).resolves.toBe(2)
  })

  it('validates results with the given schema', async () => {
    const { z } = await import('zod')
    const { pool } = makePool({ resultSchema: z.number() })
    await expect(pool.run({ op: 'echo', value: 3 })).resolves.toBe(3)
    expect((await rejection(pool.run({ op: 'echo', value: 'three' }))).code).toBe('INTERNAL')
  })

  it('spreads work over all workers', async () => {
    const { pool } = makePool({ size: 2 })
    const results = await Promise.all([1, 2, 3, 4].map(() => pool.run({ op: 'sleep', ms: 200 })))
    expect(results).toHaveLength(4)
    expect(pool.stats()).toMatchObject({ workers: 2, completed: 4 })
  })

  it('close() cancels queued and running tasks', async () => {
    const { pool } = makePool()
    const running = pool.run({ op: 'sleep', ms: 60_000 })
    const queued = pool.run({ op: 'echo', value: 1 })
    await until(() => pool.stats().running === 1)
    const outcomes = [rejection(running), rejection(queued)]
    await pool.close()
    for (const outcome of outcomes) expect((await outcome).code).toBe('CANCELLED')
    expect((await rejection(pool.run({ op: 'echo' }))).code).toBe('CANCELLED')
    expect(pool.stats().workers).toBe(0)
  })
})

describe('stuck-worker watchdog', () => {
  it('restarts a worker that makes no progress while work waits, retries its task and says so', async () => {
    const restarts: number[] = []
    // Long enough that a fresh worker's start-up on a busy machine never looks stuck.
    const { pool } = makePool({ stuckAfterMs: 2_000, onStuckRestart: (e) => restarts.push(e.stuckMs) })
    const stuck = pool.run({ op: 'hangOnce', key: 'wedge' })
    const waiting = pool.run({ op: 'echo', value: 'after the restart' })
    expect(await stuck).toBe('recovered')
    expect(await waiting).toBe('after the restart')
    expect(restarts).toHaveLength(1)
    expect(restarts[0]).toBeGreaterThanOrEqual(2_000)
    expect(pool.stats()).toMatchObject({ stuckRestarts: 1, completed: 2, failed: 0 })
  })

  it('leaves alone a worker that keeps making progress, however long the queue', async () => {
    const { pool } = makePool({ stuckAfterMs: 2_000 })
    await pool.run({ op: 'echo', value: 'warm' })
    const results = await Promise.all([1, 2, 3, 4].map((n) => pool.run({ op: 'sleep', ms: 700, value: n })))
    expect(results).toEqual([1, 2, 3, 4])
    expect(pool.stats().stuckRestarts).toBe(0)
  })
})
