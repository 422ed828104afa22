import { markFailed, markSent, type OutboxRow, type TenantDb } from '../db'
import { DEFAULT_BACKOFF, fullJitterDelay, type BackoffOptions } from '../../shared/backoff'
import { MAX_BATCH_RECORDS, type IngestAck, type IngestRecord } from '../../shared/sync/wire'
import { HubClient, type FetchLike } from './hub-client'
import type { DeskMetricsSource } from './metrics-source'
import { countParked, nextBatch, outboxDepth, park, unparkAll } from './outbox-queue'
import type { SyncSettingsSource } from './settings'
import { INITIAL_STATUS, type SyncStatus } from './status'

export interface OutboxProcessorOptions {
  db: TenantDb
  settings: SyncSettingsSource
  fetch?: FetchLike
  clock?: () => Date
  /** In [0, 1); injected so backoff is deterministic in tests. */
  random?: () => number
  batchSize?: number
  backoff?: BackoffOptions
  /** How often an idle processor looks for new rows on its own (notify() wakes it sooner). */
  idlePollMs?: number
  heartbeatMs?: number
  requestTimeoutMs?: number
  /** The desk's own measurements, sent with each heartbeat when there are any. */
  metrics?: DeskMetricsSource
}

export type FlushResult = { ok: boolean; sent: number; error: string | null }

/**
 * The outbox processor of DESIGN.md §5. All its state lives in the Dexie outbox, so a desk that
 * restarts (or a processor killed mid-flush) simply starts over: a row acknowledged by the hub but
 * not yet marked sent is pushed again, and the hub answers "duplicate".
 */
export class OutboxProcessor {
  private readonly db: TenantDb
  private readonly settings: SyncSettingsSource
  private readonly fetchImpl: FetchLike
  private readonly clock: () => Date
  private readonly random: () => number
  private readonly backoff: BackoffOptions
  private readonly idlePollMs: number
  private readonly heartbeatMs: number
  private readonly timeoutMs: number
  private readonly metrics: DeskMetricsSource | null
  private batchSize: number

  private status: SyncStatus = { ...INITIAL_STATUS }
  private readonly listeners = new Set<(s: SyncStatus) => void>()
  private inflight: Promise<FlushResult> | null = null
  private loop: Promise<void> | null = null
  private stopController = new AbortController()
  private wake: (() => void) | null = null
  private lastHeartbeat = 0
  /** Parked rows change only through this processor, so they are counted once and then tracked. */
  private parked: number | null = null

  constructor(options: OutboxProcessorOptions) {
    this.db = options.db
    this.settings = options.settings
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init))
    this.clock = options.clock ?? (() => new Date())
    this.random = options.random ?? Math.random
    this.backoff = options.backoff ?? DEFAULT_BACKOFF
    this.idlePollMs = options.idlePollMs ?? 30_000
    this.heartbeatMs = options.heartbeatMs ?? 60_000
    this.timeoutMs = options.requestTimeoutMs ?? 30_000
    this.metrics = options.metrics ?? null
    this.batchSize = Math.min(MAX_BATCH_RECORDS, Math.max(1, options.batchSize ?? 200))
  }

  getStatus(): SyncStatus {
    return { ...this.status }
  }

  onStatus(listener: (s: SyncStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Single-flight: a second caller while a flush runs gets the same promise, so two flushes can
   * never send the same rows side by side.
   */
  flush(): Promise<FlushResult> {
    this.inflight ??= this.runFlush().finally(() => {
      this.inflight = null
    })
    return this.inflight
  }

  /** Runs flushes until stop(): idle polling when drained, full-jitter backoff after failures. */
  start(): void {
    if (this.loop !== null) return
    this.loop = this.runLoop()
  }

  async stop(): Promise<void> {
    this.stopController.abort()
    this.wake?.()
    await this.loop
    await this.inflight?.catch(() => undefined)
    this.loop = null
    // Stopped means "no loop", not "dead": a later flush() or start() gets a fresh signal.
    this.stopController = new AbortController()
    this.update({ state: 'stopped', nextAttemptAt: null })
  }

  /** New rows were written: sync soon, but never cut a backoff short (the hub may be struggling). */
  notify(): void {
    if (this.status.state === 'idle') this.wake?.()
  }

  /** The user pressed "sync now", or the network came back: try at once, backoff or not. */
  syncNow(): void {
    this.wake?.()
  }

  setOnline(online: boolean): void {
    this.update({ online })
    if (online) this.syncNow()
  }

  /** Gives rows the hub refused another chance (e.g. after a hub upgrade); returns how many. */
  async retryRejected(): Promise<number> {
    const n = await unparkAll(this.db)
    this.parked = null
    await this.refreshCounts()
    this.syncNow()
    return n
  }

  private async runLoop(): Promise<void> {
    const stop = this.stopController.signal
    while (!stop.aborted) {
      const result = await this.flush()
      if (stop.aborted) break
      let delay = this.idlePollMs
      if (!result.ok && this.status.state !== 'unconfigured') {
        delay = fullJitterDelay(this.status.consecutiveFailures - 1, this.backoff, this.random)
        this.update({
          state: 'waiting',
          nextAttemptAt: new Date(this.clock().getTime() + delay).toISOString(),
        })
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, delay)
        function done() {
          clearTimeout(timer)
          resolve()
        }
        this.wake = done
      })
      this.wake = null
    }
  }

  private async runFlush(): Promise<FlushResult> {
    const stop = this.stopController.signal
    const settings = await this.settings.load()
    if (settings === null) {
      this.update({ state: 'unconfigured' })
      return { ok: false, sent: 0, error: 'sync is not configured' }
    }
    const client = new HubClient(settings, this.fetchImpl, this.timeoutMs)
    this.update({ state: 'syncing', nextAttemptAt: null, lastAttemptAt: this.clock().toISOString() })
    await this.refreshCounts()
    let sent = 0
    let failure: string | null = null
    while (!stop.aborted) {
      const rows = await nextBatch(this.db, this.batchSize)
      if (rows.length === 0) break
      const result = await client.ingest(rows.map(toWire), this.status.pending, stop)
      if (!result.ok) {
        if (result.kind === 'too-large' && rows.length > 1) {
          this.batchSize = Math.max(1, Math.floor(rows.length / 2))
          continue
        }
        if (result.kind === 'too-large') {
          await park(this.db, [{ id: rows[0]?.id ?? '', reason: result.message }])
          this.parked = (this.parked ?? 0) + 1
          await this.refreshCounts()
          continue
        }
        if (!stop.aborted)
          await markFailed(
            this.db,
            rows.map((r) => r.id),
            result.message,
          )
        failure = result.message
        this.update({ online: result.kind !== 'network' })
        break
      }
      sent += await this.applyAck(rows, result.ack)
      this.update({
        online: true,
        lastSuccessAt: this.clock().toISOString(),
        lastContactAt: this.clock().toISOString(),
        lastError: null,
        consecutiveFailures: 0,
      })
    }
    await this.maybeHeartbeat(client, stop, failure !== null)
    if (failure !== null) {
      this.update({
        state: 'waiting',
        lastError: failure,
        consecutiveFailures: this.status.consecutiveFailures + 1,
      })
      return { ok: false, sent, error: failure }
    }
    this.update({ state: stop.aborted ? 'stopped' : 'idle' })
    return { ok: true, sent, error: null }
  }

  /** Marks sent exactly the rows the hub acknowledged; parks the ones it rejected. */
  private async applyAck(rows: readonly OutboxRow[], ack: IngestAck): Promise<number> {
    const ours = new Set(rows.map((r) => r.id))
    const acknowledged: string[] = []
    const rejected: Array<{ id: string; reason: string }> = []
    for (const r of ack.results) {
      if (r.id === null || !ours.has(r.id)) continue
      if (r.status === 'rejected') rejected.push({ id: r.id, reason: r.reason ?? 'no reason given' })
      else acknowledged.push(r.id)
    }
    const changed = await markSent(this.db, acknowledged, this.clock())
    if (rejected.length > 0) await park(this.db, rejected)
    this.parked = (this.parked ?? 0) + rejected.length
    this.status.sentTotal += changed
    this.update({
      pending: Math.max(0, this.status.pending - changed - rejected.length),
      rejected: this.status.rejected + rejected.length,
    })
    return changed
  }

  private async refreshCounts(): Promise<void> {
    this.parked ??= await countParked(this.db)
    const depth = await outboxDepth(this.db)
    this.update({ pending: Math.max(0, depth - this.parked), rejected: this.parked })
  }

  /** `pushFailed`: this flush's push failed, and a heartbeat answer does not make that untrue. */
  private async maybeHeartbeat(client: HubClient, stop: AbortSignal, pushFailed: boolean): Promise<void> {
    const now = this.clock().getTime()
    if (stop.aborted || now - this.lastHeartbeat < this.heartbeatMs) return
    this.lastHeartbeat = now
    // Best effort: a failed heartbeat is not retried, but its answer (or none) is what the status
    // bar goes by when the outbox is empty and nothing else talks to the hub.
    const metrics = this.metrics?.latest() ?? null
    const result = await client
      .heartbeat(
        {
          queueDepth: this.status.pending,
          lastSuccessAt: this.status.lastSuccessAt,
          ...(metrics === null ? {} : { metrics }),
        },
        stop,
      )
      .catch(() => null)
    if (result === null || stop.aborted) return
    if (result.ok && !pushFailed) this.update({ online: true, lastContactAt: this.clock().toISOString() })
    else if (!result.ok && result.kind === 'network') this.update({ online: false })
  }

  private update(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch }
    const snapshot = this.getStatus()
    for (const listener of this.listeners) listener(snapshot)
  }
}

function toWire(row: OutboxRow): IngestRecord {
  return {
    id: row.id,
    tenant: row.tenant,
    kind: row.kind,
    entityTable: row.entityTable,
    entityId: row.entityId,
    // JsonValue allows undefined members; JSON.stringify drops them exactly as the hub will see it.
    payload: row.payload as IngestRecord['payload'],
    createdAt: row.createdAt,
  }
}
