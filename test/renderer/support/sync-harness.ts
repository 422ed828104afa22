import {
  hostSyncWorker,
  SyncWorkerClient,
  type FetchLike,
  type FromWorker,
  type WorkerLike,
} from '../../../src/renderer/sync'
import { ingestBatchSchema, type RecordAck } from '../../../src/shared/sync/wire'
import type { PortalTemplateList } from '../../../src/shared/tenders/templates'

export type HubMode = 'down' | 'store' | 'reject'

/**
 * The real sync worker host, in this thread, behind a hub whose answer the test picks: 'down'
 * (no answer at all), 'store' (every record acknowledged) or 'reject' (every record refused).
 */
export function createSyncHarness(initial: HubMode = 'store') {
  const harness = {
    mode: initial,
    posted: [] as unknown[],
    received: [] as Array<{ token: string | null; ids: string[] }>,
    idle: (): Promise<void> => Promise.resolve(),
    /** The tenant's bid-portal templates the hub lists (GET …/portal-templates); none when null. */
    portalTemplates: null as PortalTemplateList | null,
    factory: (): SyncWorkerClient => {
      const toUi: Array<(e: { data: unknown }) => void> = []
      const toWorker: Array<(e: { data: unknown }) => void> = []
      const host = hostSyncWorker(
        {
          postMessage: (m: FromWorker) => queueMicrotask(() => toUi.forEach((l) => l({ data: m }))),
          addEventListener: (_t, l) => void toWorker.push(l),
        },
        { fetch, idlePollMs: 60_000, heartbeatMs: 3_600_000, random: () => 0.5 },
      )
      harness.idle = host.idle
      const worker: WorkerLike = {
        postMessage: (m) => {
          harness.posted.push(m)
          toWorker.forEach((l) => l({ data: structuredClone(m) }))
        },
        addEventListener: (_t, l) => void toUi.push(l),
      }
      return new SyncWorkerClient(worker)
    },
  }

  const fetch: FetchLike = async (url, init) => {
    if (harness.mode === 'down') throw new TypeError('Failed to fetch')
    if (url.endsWith('/heartbeat')) return Response.json({ ok: true })
    if (url.endsWith('/portal-templates') && harness.portalTemplates)
      return Response.json(harness.portalTemplates)
    const body = ingestBatchSchema.parse(JSON.parse(String(init.body)))
    const ids = body.records.map((r) => (r as { id: string }).id)
    const token = new Headers(init.headers).get('authorization')
    harness.received.push({ token, ids })
    const rejected = harness.mode === 'reject'
    const results: RecordAck[] = ids.map((id, index) =>
      rejected ? { index, id, status: 'rejected', reason: 'unknown kind' } : { index, id, status: 'stored' },
    )
    return Response.json({
      results,
      stored: rejected ? 0 : ids.length,
      duplicates: 0,
      rejected: rejected ? ids.length : 0,
    })
  }
  return harness
}
