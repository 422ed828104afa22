import { formatZodIssues } from '../../shared/contract/errors'
import { openTenantDb, type TenantDb } from '../db'
import { fromWorkerSchema, toWorkerSchema, type FromWorker } from './messages'
import { ModelRefresher } from './model-fetch-loop'
import { OutboxProcessor, type OutboxProcessorOptions } from './processor'
import { MemoryMetrics } from './metrics-source'
import { MemorySettings } from './settings'

/** The slice of a DedicatedWorkerGlobalScope the host uses, so it runs against a fake in tests. */
export interface WorkerScope {
  postMessage(message: FromWorker): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
}

type Current = {
  tenant: string
  db: TenantDb
  processor: OutboxProcessor
  settings: MemorySettings
  models: ModelRefresher
  metrics: MemoryMetrics
}

/**
 * Owns the sync loop inside the worker: one processor for the open tenant, replaced when the UI
 * switches tenants. Every message is validated; a bad one is answered, never acted on.
 */
export function hostSyncWorker(
  scope: WorkerScope,
  processorOptions: Omit<OutboxProcessorOptions, 'db' | 'settings' | 'metrics'> = {},
): { idle: () => Promise<void> } {
  let current: Current | null = null
  let chain: Promise<void> = Promise.resolve()
  const post = (message: FromWorker) => scope.postMessage(fromWorkerSchema.parse(message))

  async function handle(data: unknown): Promise<void> {
    const parsed = toWorkerSchema.safeParse(data)
    if (!parsed.success) {
      post({ type: 'error', message: `bad message: ${formatZodIssues(parsed.error)}` })
      return
    }
    const msg = parsed.data
    switch (msg.type) {
      case 'configure': {
        if (current?.tenant === msg.tenant) {
          current.settings.set(msg.settings)
          current.processor.syncNow()
          current.models.refreshNow()
          return
        }
        await shutdown()
        const db = await openTenantDb(msg.tenant)
        const settings = new MemorySettings(msg.settings)
        const metrics = new MemoryMetrics()
        const processor = new OutboxProcessor({ ...processorOptions, db, settings, metrics })
        const tenant = msg.tenant
        processor.onStatus((status) => post({ type: 'status', tenant, status }))
        const models = new ModelRefresher(db, settings, {
          ...(processorOptions.fetch ? { fetch: processorOptions.fetch } : {}),
          // The worker cannot call the desk: the page adopts the portal templates for it.
          adoptPortalTemplates: async (list) => post({ type: 'portal-templates', tenant, list }),
        })
        current = { tenant, db, processor, settings, models, metrics }
        processor.start()
        models.start()
        return
      }
      case 'notify':
        current?.processor.notify()
        return
      case 'sync-now':
        current?.processor.syncNow()
        current?.models.refreshNow()
        return
      case 'retry-rejected':
        await current?.processor.retryRejected()
        return
      case 'online':
        current?.processor.setOnline(msg.online)
        if (msg.online) current?.models.refreshNow()
        return
      case 'stop':
        await shutdown()
        return
      case 'metrics':
        // Another tenant's figures (a switch in flight) would put its OCR accuracy on this one.
        if (current?.tenant === msg.tenant) current.metrics.set(msg.metrics)
        return
    }
  }

  async function shutdown(): Promise<void> {
    const c = current
    current = null
    if (c === null) return
    await Promise.all([c.processor.stop(), c.models.close()])
    c.db.close()
  }

  scope.addEventListener('message', (event) => {
    // Serialised so a "configure" finishes opening its database before the next message acts.
    chain = chain
      .then(() => handle(event.data))
      .catch((error: unknown) =>
        post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
      )
  })
  return { idle: () => chain }
}
