import { performance } from 'node:perf_hooks'
import type { Handler, MethodName, TenantId } from '../../../shared/contract'
import {
  emptyLatencyHistogram,
  observeLatency,
  type DeskMetrics,
  type LatencyHistogram,
  type OcrAccuracyReport,
} from '../../../shared/metrics'

/**
 * Latency of every contract call on this desk process, by method. The registry reports each
 * dispatch (both the Electron IPC host and the browser bridge go through it), so the figures are
 * the desk's own work, validation included, without the transport. Methods are the contract's
 * bounded set, so the label set stays bounded too.
 */
export class DeskMeter {
  private readonly latency = new Map<MethodName, LatencyHistogram>()

  constructor(readonly now: () => number = () => performance.now()) {}

  /** `seconds` measured with `now`; the registry calls this once per dispatch. */
  observe(method: MethodName, seconds: number): void {
    let h = this.latency.get(method)
    if (!h) {
      h = emptyLatencyHistogram()
      this.latency.set(method, h)
    }
    observeLatency(h, seconds)
  }

  /** A copy, so a snapshot being sent is not changed by calls still arriving. */
  apiLatency(): Record<string, LatencyHistogram> {
    return Object.fromEntries([...this.latency].map(([m, h]) => [m, structuredClone(h)]))
  }
}

export interface DeskMetricsDeps<Ctx> {
  meter: DeskMeter
  /** Null on a desk without a session tenant: no accuracy to report. */
  tenantOf(ctx: Ctx): TenantId | null
  pendingDocuments(): number
  ocrPages(): { count: number; sumSeconds: number } | null
  ocrAccuracy(tenantId: TenantId): Promise<OcrAccuracyReport | null>
}

/** `sync.metrics`: what the sync worker sends with each heartbeat. */
export function deskMetricsHandlers<Ctx>(deps: DeskMetricsDeps<Ctx>): {
  'sync.metrics': Handler<'sync.metrics', Ctx>
} {
  return {
    'sync.metrics': async (_params, ctx): Promise<DeskMetrics> => {
      const tenantId = deps.tenantOf(ctx)
      const ocrPages = deps.ocrPages()
      return {
        apiLatency: deps.meter.apiLatency(),
        workerQueueDepth: deps.pendingDocuments(),
        ...(ocrPages ? { ocrPages } : {}),
        ocrAccuracy: tenantId === null ? null : await deps.ocrAccuracy(tenantId),
      }
    },
  }
}
