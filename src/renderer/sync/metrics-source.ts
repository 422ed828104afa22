import type { DeskMetrics } from '../../shared/metrics/desk-metrics'

/** Where the processor finds the desk's latest measurements for the heartbeat. */
export interface DeskMetricsSource {
  /** Null until the page has passed any on (an older desk, or the first minute). */
  latest(): DeskMetrics | null
}

/**
 * The worker cannot call the desk itself (window.desk lives in the page), so the page polls
 * `sync.metrics` and posts the answer here; the heartbeat sends whatever arrived last.
 */
export class MemoryMetrics implements DeskMetricsSource {
  private current: DeskMetrics | null = null

  set(metrics: DeskMetrics): void {
    this.current = metrics
  }

  latest(): DeskMetrics | null {
    return this.current
  }
}
