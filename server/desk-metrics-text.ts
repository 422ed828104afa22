import type { DeskMetricsRow } from './store/desk-metrics'

export type TenantDeskMetrics = DeskMetricsRow & { tenant: string }

type Family = (name: string, type: 'counter' | 'gauge' | 'histogram', help: string) => void
type Labels = (pairs: Record<string, string>) => string

/** Prometheus renders bounds without trailing zeros, and +Inf by name. */
const le = (bound: number) => (Number.isFinite(bound) ? String(bound) : '+Inf')

/**
 * The desks' own measurements from their latest heartbeats, in the exposition format prom-client
 * uses for histograms (cumulative _bucket{le}, then _sum and _count). The desk already accumulates
 * them, so the hub relays its numbers instead of observing values itself.
 */
export function renderDeskMetrics(
  rows: readonly TenantDeskMetrics[],
  out: string[],
  family: Family,
  labels: Labels,
): void {
  family('hub_desk_api_latency_seconds', 'histogram', 'Bridge/IPC call latency on the desk by channel.')
  for (const r of rows) {
    for (const [channel, h] of Object.entries(r.apiLatency)) {
      const base = { tenant: r.tenant, desk: r.desk, channel }
      h.buckets.forEach((bound, i) => {
        out.push(
          `hub_desk_api_latency_seconds_bucket${labels({ ...base, le: le(bound) })} ${h.counts[i] ?? 0}`,
        )
      })
      out.push(`hub_desk_api_latency_seconds_bucket${labels({ ...base, le: '+Inf' })} ${h.count}`)
      out.push(`hub_desk_api_latency_seconds_sum${labels(base)} ${h.sum}`)
      out.push(`hub_desk_api_latency_seconds_count${labels(base)} ${h.count}`)
    }
  }
  const perDesk = (
    name: string,
    type: 'counter' | 'gauge',
    help: string,
    pick: (r: TenantDeskMetrics) => number | null,
  ) => {
    family(name, type, help)
    for (const r of rows) {
      const v = pick(r)
      if (v !== null) out.push(`${name}${labels({ tenant: r.tenant, desk: r.desk })} ${v}`)
    }
  }
  perDesk(
    'hub_desk_worker_queue_depth',
    'gauge',
    'Document jobs waiting or running on the desk at its last heartbeat.',
    (r) => r.workerQueueDepth,
  )
  perDesk(
    'hub_desk_ocr_page_seconds_sum',
    'counter',
    'Seconds the desk spent on OCR pages since it started.',
    (r) => r.ocrPages?.sumSeconds ?? null,
  )
  perDesk(
    'hub_desk_ocr_page_seconds_count',
    'counter',
    'Pages the desk OCR-read since it started.',
    (r) => r.ocrPages?.count ?? null,
  )
  perDesk(
    'hub_desk_ocr_accuracy',
    'gauge',
    "1 - corrected / reviewed characters of OCR'd values people reviewed, for the desk's tenant.",
    (r) => r.ocrAccuracy,
  )
}
