import type { PortalTemplateList } from '../../shared/tenders/templates/schema'
import { fromWorkerSchema, type ToWorker } from './messages'
import type { SyncStatus } from './status'

/** The slice of Worker the client needs; a MessagePort or a test double works too. */
export interface WorkerLike {
  postMessage(message: ToWorker): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  terminate?(): void
}

/**
 * The UI's handle on the sync worker: typed commands in, validated status out. The Sync page and
 * Settings use this; they never talk to the processor directly.
 */
export class SyncWorkerClient {
  private readonly listeners = new Set<(tenant: string, status: SyncStatus) => void>()
  private readonly errorListeners = new Set<(message: string) => void>()
  private readonly portalListeners = new Set<(tenant: string, list: PortalTemplateList) => void>()

  constructor(private readonly worker: WorkerLike) {
    worker.addEventListener('message', (event) => {
      const parsed = fromWorkerSchema.safeParse(event.data)
      if (!parsed.success) return
      const msg = parsed.data
      if (msg.type === 'status') for (const l of this.listeners) l(msg.tenant, msg.status)
      else if (msg.type === 'portal-templates') for (const l of this.portalListeners) l(msg.tenant, msg.list)
      else for (const l of this.errorListeners) l(msg.message)
    })
  }

  static spawn(): SyncWorkerClient {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), {
      type: 'module',
      name: 'pebble-sync',
    })
    const client = new SyncWorkerClient(worker)
    // Workers get no online/offline events of their own in every browser; forward the page's.
    globalThis.addEventListener('online', () => client.send({ type: 'online', online: true }))
    globalThis.addEventListener('offline', () => client.send({ type: 'online', online: false }))
    return client
  }

  send(message: ToWorker): void {
    this.worker.postMessage(message)
  }

  onStatus(listener: (tenant: string, status: SyncStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  onError(listener: (message: string) => void): () => void {
    this.errorListeners.add(listener)
    return () => this.errorListeners.delete(listener)
  }

  /** The hub's bid-portal templates, pulled by the worker for the desk to adopt. */
  onPortalTemplates(listener: (tenant: string, list: PortalTemplateList) => void): () => void {
    this.portalListeners.add(listener)
    return () => this.portalListeners.delete(listener)
  }

  terminate(): void {
    this.worker.terminate?.()
  }
}
