import { uuidv7 } from '../../../shared/ids'
import {
  DeskError,
  toErrorEnvelope,
  type Job,
  type JobItemError,
  type TenantId,
} from '../../../shared/contract'

const isUnfinished = (job: Job): boolean => job.state === 'queued' || job.state === 'running'

export interface JobContext {
  readonly signal: AbortSignal
  /** One item finished; `documentId` when it produced a document. */
  itemDone(documentId?: string): void
  itemFailed(error: JobItemError): void
  /** Page-level progress: pages finished and pages newly discovered (a document's page count). */
  pages(done: number, discovered?: number): void
}

export interface JobSpec {
  kind: Job['kind']
  tenantId: TenantId
  label: string
  total: number
}

interface RunningJob {
  job: Job
  controller: AbortController
  settled: Promise<void>
}

/**
 * Tracks long-running desk work. Every change is pushed through `onUpdate` (the jobs.progress
 * event), jobs can be cancelled, and a failing item is recorded without stopping the rest.
 */
export class JobManager {
  private readonly jobs = new Map<string, RunningJob>()

  constructor(
    private readonly onUpdate: (job: Job) => void,
    private readonly keepFinished = 200,
  ) {}

  start(spec: JobSpec, work: (ctx: JobContext) => Promise<void>): Job {
    const now = new Date().toISOString()
    const job: Job = {
      id: uuidv7(),
      ...spec,
      state: 'queued',
      completed: 0,
      failed: 0,
      pagesDone: 0,
      pagesTotal: 0,
      createdAt: now,
      updatedAt: now,
      errors: [],
      documentIds: [],
    }
    const controller = new AbortController()
    const update = (patch: Partial<Job>): void => {
      Object.assign(job, patch, { updatedAt: new Date().toISOString() })
      this.onUpdate(structuredClone(job))
    }
    const ctx: JobContext = {
      signal: controller.signal,
      itemDone: (documentId) =>
        update({
          completed: job.completed + 1,
          documentIds: documentId ? [...job.documentIds, documentId] : job.documentIds,
        }),
      pages: (done, discovered = 0) =>
        update({ pagesDone: job.pagesDone + done, pagesTotal: job.pagesTotal + discovered }),
      itemFailed: (error) =>
        update({ completed: job.completed + 1, failed: job.failed + 1, errors: [...job.errors, error] }),
    }
    const settled = (async () => {
      await Promise.resolve() // let the caller receive the queued job before the first update
      if (controller.signal.aborted) return update({ state: 'cancelled' })
      update({ state: 'running' })
      try {
        await work(ctx)
        if (controller.signal.aborted) update({ state: 'cancelled' })
        else update({ state: job.total > 0 && job.failed === job.total ? 'failed' : 'done' })
      } catch (error) {
        const envelope = toErrorEnvelope(error)
        update({
          state: controller.signal.aborted ? 'cancelled' : 'failed',
          errors: [...job.errors, { file: spec.label, code: envelope.code, message: envelope.message }],
        })
      }
      this.prune()
    })()
    this.jobs.set(job.id, { job, controller, settled })
    return structuredClone(job)
  }

  /**
   * Tells every running job's watchers about something the desk did for them (the document
   * workers are shared, so a restarted worker concerns whichever jobs are reading).
   */
  notice(message: string): void {
    for (const { job } of this.jobs.values()) {
      if (job.state !== 'running') continue
      job.notices = [...(job.notices ?? []), message]
      job.updatedAt = new Date().toISOString()
      this.onUpdate(structuredClone(job))
    }
  }

  list(tenantId: TenantId): Job[] {
    return [...this.jobs.values()]
      .map((r) => r.job)
      .filter((j) => j.tenantId === tenantId)
      .map((j) => structuredClone(j))
  }

  async cancel(jobId: string, tenantId: TenantId): Promise<Job> {
    const running = this.jobs.get(jobId)
    if (!running || running.job.tenantId !== tenantId) {
      throw new DeskError('NOT_FOUND', `no job "${jobId}" for this tenant`, { jobId })
    }
    running.controller.abort()
    await running.settled
    return structuredClone(running.job)
  }

  /** Forgets the tenant's finished jobs (done, failed, cancelled); queued and running ones stay. */
  clear(tenantId: TenantId): { cleared: number; jobs: Job[] } {
    let cleared = 0
    for (const [id, running] of this.jobs) {
      if (running.job.tenantId !== tenantId || isUnfinished(running.job)) continue
      this.jobs.delete(id)
      cleared++
    }
    return { cleared, jobs: this.list(tenantId) }
  }

  /**
   * Documents still to be read across every tenant: the unfinished items of queued and running
   * jobs (one import of 600 files is 600 pending, not 1), the desk's worker_queue_depth.
   */
  pendingItems(): number {
    let pending = 0
    for (const { job } of this.jobs.values()) {
      if (isUnfinished(job)) pending += Math.max(0, job.total - job.completed)
    }
    return pending
  }

  async idle(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((r) => r.settled))
  }

  cancelAll(): void {
    for (const running of this.jobs.values()) running.controller.abort()
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((r) => !isUnfinished(r.job))
    for (const old of finished.slice(0, Math.max(0, finished.length - this.keepFinished))) {
      this.jobs.delete(old.job.id)
    }
  }
}
