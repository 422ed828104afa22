import type { PortalTemplateList } from '../../shared/tenders/templates/schema'
import type { TenantDb } from '../db'
import type { FetchLike } from './hub-client'
import { refreshRelevanceModel, type ModelFetchStatus } from './model-fetch'
import type { SyncSettingsSource } from './settings'
import { refreshLayoutTemplates, refreshPortalTemplates } from './template-fetch'

/** Models change at most a few times a day; a desk that looks every ten minutes is soon enough. */
export const MODEL_REFRESH_MS = 10 * 60_000

/**
 * Looks for the tenant's current relevance model beside the outbox loop: at start, every
 * MODEL_REFRESH_MS, and whenever the UI asks to sync now or the desk comes back online. One look at
 * a time; a look asked for while one runs happens right after it.
 */
export class ModelRefresher {
  private timer: ReturnType<typeof setTimeout> | null = null
  private running: Promise<void> | null = null
  private again = false
  private stopped = false
  private readonly stop = new AbortController()

  constructor(
    private readonly db: TenantDb,
    private readonly settings: SyncSettingsSource,
    private readonly options: {
      fetch?: FetchLike
      refreshMs?: number
      timeoutMs?: number
      /**
       * Hands the hub's bid-portal templates to the desk (`tenders.templates.adopt`); they live on
       * the desk's main side, which the worker cannot call itself. Without it they are not pulled.
       */
      adoptPortalTemplates?: (
        list: PortalTemplateList,
      ) => Promise<{ adopted: number; removed: number } | void>
    } = {},
    private readonly onStatus: (status: ModelFetchStatus) => void = () => undefined,
  ) {}

  start(): void {
    this.refreshNow()
  }

  refreshNow(): void {
    if (this.stopped) return
    if (this.running) {
      this.again = true
      return
    }
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    this.running = this.look().finally(() => {
      this.running = null
      if (this.stopped) return
      if (this.again) {
        this.again = false
        this.refreshNow()
      } else {
        this.timer = setTimeout(() => this.refreshNow(), this.options.refreshMs ?? MODEL_REFRESH_MS)
      }
    })
  }

  /** Resolves once the look in progress (if any) has finished. */
  async idle(): Promise<void> {
    while (this.running) await this.running
  }

  async close(): Promise<void> {
    this.stopped = true
    if (this.timer !== null) clearTimeout(this.timer)
    this.stop.abort()
    await this.running
  }

  private async look(): Promise<void> {
    const settings = await this.settings.load()
    // A desk not set up for sync has no hub to ask; its stored model (if any) stays in use.
    if (settings === null) return
    try {
      const status = await refreshRelevanceModel({
        db: this.db,
        settings,
        stop: this.stop.signal,
        ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
        ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}),
      })
      this.onStatus(status)
      // The tenant's learned COA layouts ride on the same look: taught on one desk, used on all.
      const templates = await refreshLayoutTemplates({
        db: this.db,
        settings,
        stop: this.stop.signal,
        ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
        ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}),
      })
      if (templates.state === 'refused') console.error(`layout templates: ${templates.message}`)
      // And the bid portals' learned fields, kept by the desk's main side.
      const adopt = this.options.adoptPortalTemplates
      if (adopt) {
        const portals = await refreshPortalTemplates({
          db: this.db,
          settings,
          stop: this.stop.signal,
          adopt,
          ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
          ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}),
        })
        if (portals.state === 'refused') console.error(`portal templates: ${portals.message}`)
      }
    } catch (error) {
      // The database closed under a stopping loop; anything else is reported by the next look.
      if (!this.stopped) console.error('model refresh failed', error)
    }
  }
}
