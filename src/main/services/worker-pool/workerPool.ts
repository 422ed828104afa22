import { availableParallelism } from 'node:os'
import { Worker, type ResourceLimits, type TransferListItem } from 'node:worker_threads'
import type { z } from 'zod'
import { DeskError, formatZodIssues } from '../../../shared/contract'
import { workerMessageSchema, type TaskMessage } from './protocol'
import { PriorityQueue } from './queue'

export interface WorkerPoolOptions<R> {
  /** Worker entry script (file path or file: URL); it speaks the protocol in protocol.ts. */
  script: string | URL
  /** Default: os.availableParallelism(). */
  size?: number
  /**
   * A worker is replaced after this many tasks to give back memory (WASM heaps only grow). Tasks
   * count by their `recycleWeight`.
   */
  maxTasksPerWorker?: number
  /** Validates each result before it is handed to the caller. */
  resultSchema?: z.ZodType<R>
  workerData?: unknown
  resourceLimits?: ResourceLimits
  /** Used in error messages, e.g. "ocr". */
  name?: string
  /**
   * Watchdog: when the pool has made no progress (no task started or finished) for this long, a
   * task running at least as long has its worker restarted and is retried once. Unlike a task's
   * `timeoutMs` (one slow page fails alone), this catches a worker that hangs whatever it runs.
   */
  stuckAfterMs?: number
  /** Told each time the watchdog restarts a stuck worker, so the host can say so to the user. */
  onStuckRestart?: (event: { taskId: number; stuckMs: number }) => void
}

export interface RunOptions {
  /** Higher runs first; equal priorities run in submission order. Default 0. */
  priority?: number
  signal?: AbortSignal
  /** Per attempt; the worker is terminated and replaced when it runs out. */
  timeoutMs?: number
  /**
   * Buffers moved to the worker instead of copied. A moved payload cannot be sent twice, so a task
   * with a transfer list is not retried after a crash.
   */
  transfer?: TransferListItem[]
  /**
   * How much the task counts toward `maxTasksPerWorker`; default 1. Work that leaves nothing behind
   * in the worker (plain JavaScript, collected by GC) counts 0, so it never pays for a restart.
   */
  recycleWeight?: number
  /** Called when a worker takes the task (again after a crash): time spent queued is not work. */
  onStart?: () => void
}

export interface WorkerPoolStats {
  size: number
  workers: number
  running: number
  queued: number
  completed: number
  failed: number
  crashed: number
  recycled: number
  timedOut: number
  cancelled: number
  /** Workers the watchdog restarted for making no progress. */
  stuckRestarts: number
}

interface Job<R> {
  id: number
  payload: unknown
  priority: number
  seq: number
  options: RunOptions
  attempts: number
  /** When a worker took it (this attempt). */
  startedAt?: number
  resolve: (value: R) => void
  reject: (error: DeskError) => void
  timer?: NodeJS.Timeout
  onAbort?: () => void
  slot?: Slot<R>
}

interface Slot<R> {
  worker: Worker
  job: Job<R> | undefined
  tasksDone: number
  /** Set once the worker is being replaced, so its late events are ignored. */
  retired: boolean
  /** When the thread began running JavaScript: its start-up before that is not a hang. */
  onlineAt?: number
}

/** Generic pool over worker_threads: priorities, cancellation, timeouts, crash retry, recycling. */
export class WorkerPool<R = unknown> {
  readonly size: number
  private readonly opts: WorkerPoolOptions<R>
  private readonly queue = new PriorityQueue<Job<R>>()
  private readonly slots = new Set<Slot<R>>()
  private nextId = 0
  private closed = false
  private counters = {
    completed: 0,
    failed: 0,
    crashed: 0,
    recycled: 0,
    timedOut: 0,
    cancelled: 0,
    stuckRestarts: 0,
  }
  private lastProgress = Date.now()
  private watchdog: NodeJS.Timeout | undefined

  constructor(opts: WorkerPoolOptions<R>) {
    this.opts = opts
    this.size = Math.max(1, Math.floor(opts.size ?? availableParallelism()))
  }

  /** Tasks waiting for a worker: the figure for back-pressure. */
  get queueDepth(): number {
    return this.queue.size
  }

  stats(): WorkerPoolStats {
    let running = 0
    for (const slot of this.slots) if (slot.job) running++
    return { size: this.size, workers: this.slots.size, running, queued: this.queue.size, ...this.counters }
  }

  run(payload: unknown, options: RunOptions = {}): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const id = this.nextId++
      if (this.closed) return reject(this.error('CANCELLED', 'the pool is closed'))
      if (options.signal?.aborted) return reject(this.error('CANCELLED', `task ${id} was cancelled`))
      const job: Job<R> = {
        id,
        payload,
        priority: options.priority ?? 0,
        seq: id,
        options,
        attempts: 0,
        resolve,
        reject,
      }
      if (options.signal) {
        job.onAbort = () => this.cancel(job)
        options.signal.addEventListener('abort', job.onAbort, { once: true })
      }
      this.queue.push(job)
      this.dispatch()
    })
  }

  /** Rejects queued and running tasks with CANCELLED and terminates every worker. */
  async close(): Promise<void> {
    this.closed = true
    clearInterval(this.watchdog)
    for (const job of this.queue.drain()) this.settle(job, this.error('CANCELLED', 'the pool was closed'))
    const exits: Promise<number>[] = []
    for (const slot of [...this.slots]) {
      if (slot.job) this.settle(slot.job, this.error('CANCELLED', 'the pool was closed'))
      slot.retired = true
      exits.push(slot.worker.terminate())
    }
    this.slots.clear()
    await Promise.allSettled(exits)
  }

  private dispatch(): void {
    while (!this.closed && this.queue.size > 0) {
      let slot = [...this.slots].find((s) => !s.job && !s.retired)
      if (!slot) {
        if (this.slots.size >= this.size) return
        slot = this.spawn()
      }
      this.start(slot, this.queue.shift()!)
    }
  }

  private spawn(): Slot<R> {
    const worker = new Worker(this.opts.script, {
      workerData: this.opts.workerData,
      resourceLimits: this.opts.resourceLimits,
    })
    const slot: Slot<R> = { worker, job: undefined, tasksDone: 0, retired: false }
    worker.on('online', () => (slot.onlineAt = Date.now()))
    worker.on('message', (raw: unknown) => this.onMessage(slot, raw))
    worker.on('error', (error: Error) => this.onCrash(slot, `worker error: ${error.message}`))
    worker.on('exit', (code: number) => this.onCrash(slot, `worker exited with code ${code}`))
    this.slots.add(slot)
    return slot
  }

  private start(slot: Slot<R>, job: Job<R>): void {
    job.attempts++
    job.slot = slot
    slot.job = job
    job.startedAt = Date.now()
    this.lastProgress = job.startedAt
    this.watch()
    job.options.onStart?.()
    if (job.options.timeoutMs !== undefined) {
      job.timer = setTimeout(() => {
        this.counters.timedOut++
        this.replace(slot)
        this.settle(job, this.error('TIMEOUT', `task ${job.id} took longer than ${job.options.timeoutMs} ms`))
        this.dispatch()
      }, job.options.timeoutMs)
    }
    const message: TaskMessage = { type: 'task', id: job.id, payload: job.payload }
    try {
      slot.worker.postMessage(message, job.options.transfer ?? [])
    } catch (error) {
      slot.job = undefined
      this.settle(
        job,
        this.error('INVALID_INPUT', `task ${job.id} cannot be sent: ${(error as Error).message}`),
      )
    }
  }

  private onMessage(slot: Slot<R>, raw: unknown): void {
    if (slot.retired) return
    const job = slot.job
    const parsed = workerMessageSchema.safeParse(raw)
    if (!parsed.success || !job || parsed.data.id !== job.id) {
      // A worker that breaks the protocol cannot be trusted with the next task either.
      const why = parsed.success ? `an answer for task ${parsed.data.id}` : formatZodIssues(parsed.error)
      this.replace(slot)
      if (job) this.settle(job, this.error('INTERNAL', `worker sent an invalid message (${why})`))
      this.dispatch()
      return
    }
    slot.job = undefined
    this.lastProgress = Date.now()
    slot.tasksDone += job.options.recycleWeight ?? 1
    const message = parsed.data
    if (message.type === 'error') {
      this.settle(job, DeskError.fromEnvelope(message.error))
    } else if (this.opts.resultSchema) {
      const result = this.opts.resultSchema.safeParse(message.value)
      if (result.success) this.settle(job, undefined, result.data)
      else this.settle(job, this.error('INTERNAL', `invalid result: ${formatZodIssues(result.error)}`))
    } else {
      this.settle(job, undefined, message.value as R)
    }
    if (this.opts.maxTasksPerWorker !== undefined && slot.tasksDone >= this.opts.maxTasksPerWorker) {
      this.counters.recycled++
      this.replace(slot)
    }
    this.dispatch()
  }

  /** Starts the watchdog's timer with the first task; unref'd, so it never holds a process open. */
  private watch(): void {
    const after = this.opts.stuckAfterMs
    if (after === undefined || this.watchdog) return
    this.watchdog = setInterval(() => this.restartStuck(after), Math.max(20, after / 4))
    this.watchdog.unref()
  }

  private restartStuck(after: number): void {
    const now = Date.now()
    if (now - this.lastProgress < after) return
    for (const slot of [...this.slots]) {
      const job = slot.job
      if (!job || slot.retired || slot.onlineAt === undefined) continue
      const stuckMs = now - Math.max(job.startedAt ?? now, slot.onlineAt)
      if (stuckMs < after) continue
      this.counters.stuckRestarts++
      this.opts.onStuckRestart?.({ taskId: job.id, stuckMs })
      this.onCrash(slot, `no progress for ${Math.round(stuckMs / 1000)} s (stuck worker restarted)`)
    }
  }

  private onCrash(slot: Slot<R>, why: string): void {
    if (slot.retired) return
    this.replace(slot)
    const job = slot.job
    if (job) {
      this.counters.crashed++
      clearTimeout(job.timer)
      job.slot = undefined
      const transferred = (job.options.transfer?.length ?? 0) > 0
      if (job.attempts < 2 && !transferred && !this.closed) {
        this.queue.push(job) // keeps its sequence number, so it goes back to the head of its priority
      } else {
        this.settle(
          job,
          this.error('WORKER_CRASHED', `task ${job.id} failed: ${why}`, { attempts: job.attempts }),
        )
      }
    }
    this.dispatch()
  }

  /** Terminates a worker (hung, crashed, cancelled or due for recycling); a new one is spawned on demand. */
  private replace(slot: Slot<R>): void {
    if (slot.retired) return
    slot.retired = true
    this.slots.delete(slot)
    void slot.worker.terminate().catch(() => undefined)
  }

  private cancel(job: Job<R>): void {
    if (this.queue.remove(job)) {
      this.counters.cancelled++
      this.settle(job, this.error('CANCELLED', `task ${job.id} was cancelled`))
      return
    }
    const slot = job.slot
    if (slot && slot.job === job) {
      this.counters.cancelled++
      this.replace(slot)
      this.settle(job, this.error('CANCELLED', `task ${job.id} was cancelled while running`))
      this.dispatch()
    }
  }

  private settle(job: Job<R>, error: DeskError | undefined, value?: R): void {
    clearTimeout(job.timer)
    if (job.onAbort) job.options.signal?.removeEventListener('abort', job.onAbort)
    if (job.slot?.job === job) job.slot.job = undefined
    job.slot = undefined
    if (error) {
      if (error.code !== 'CANCELLED') this.counters.failed++
      job.reject(error)
    } else {
      this.counters.completed++
      job.resolve(value as R)
    }
  }

  private error(code: DeskError['code'], message: string, details?: Record<string, unknown>): DeskError {
    return new DeskError(code, `${this.opts.name ?? 'worker pool'}: ${message}`, details)
  }
}
