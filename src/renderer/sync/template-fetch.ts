import { layoutTemplateListSchema, type LayoutTemplate } from '../../shared/qc/templates/schema'
import { HUB_ACTOR } from '../../shared/sync/kinds'
import { portalTemplateListSchema, type PortalTemplateList } from '../../shared/tenders/templates/schema'
import { recordLocalChange, waitingEntityIds, type TenantDb } from '../db'
import { HubClient, type FetchLike } from './hub-client'
import type { SyncSettings } from './settings'

/** The actor of templates that came from the hub (another desk of the tenant taught them). */
export { HUB_ACTOR }

/** The outbox kinds of learned templates (COA layouts, bid-portal fields). */
export const LAYOUT_TEMPLATE_KIND = 'qc.layoutTemplate'
export const PORTAL_TEMPLATE_KIND = 'tenders.portalTemplate'

export interface TemplatePullResult {
  state: 'updated' | 'unchanged' | 'unreachable' | 'refused'
  message: string
}

/**
 * Brings the tenant's learned COA layout templates from the hub: new and newer ones are stored,
 * ones the hub no longer lists (forgotten on another desk) are removed, each as an audited local
 * change (no outbox row: the hub already has them). A template this desk learned or forgot that
 * is still waiting in the outbox is left alone: the hub has not heard of it yet. Offline, nothing
 * changes.
 */
export interface TemplatePullOptions {
  db: TenantDb
  settings: SyncSettings
  fetch?: FetchLike
  timeoutMs?: number
  stop?: AbortSignal
}

/** GETs one of the tenant's template lists; null when the answer is not what `read` expects. */
async function getList<T>(
  options: TemplatePullOptions,
  what: 'layout-templates' | 'portal-templates',
  read: (json: unknown) => T | null,
): Promise<{ list: T } | null | TemplatePullResult> {
  const { db, settings } = options
  const client = new HubClient(
    settings,
    options.fetch ?? ((input, init) => fetch(input, init)),
    options.timeoutMs ?? 30_000,
  )
  const path = `/v1/tenants/${encodeURIComponent(db.tenant)}/${what}`
  const result = await client.get(path, options.stop ?? new AbortController().signal, (json) => {
    const list = read(json)
    return list === null ? null : { list }
  })
  if (result === null) return null
  if ('list' in result) return result
  return { state: 'unreachable', message: result.ok ? 'unexpected answer' : result.message }
}

export async function refreshLayoutTemplates(options: TemplatePullOptions): Promise<TemplatePullResult> {
  const result = await getList(options, 'layout-templates', (json) => {
    const parsed = layoutTemplateListSchema.safeParse(json)
    return parsed.success ? parsed.data.templates : null
  })
  if (result === null)
    return { state: 'refused', message: 'the hub sent a template list this desk cannot read' }
  if (!('list' in result)) return result
  return apply(options.db, result.list)
}

/**
 * Brings the tenant's learned bid-portal templates from the hub and hands them to the desk's main
 * side, which keeps them (`tenders.templates.adopt`: the newest lesson wins, each change audited
 * as "hub (another desk)"). A template this desk learned or forgot that still waits in the outbox
 * is left out, so the hub's older word cannot undo it. Offline, nothing changes.
 */
export async function refreshPortalTemplates(
  options: TemplatePullOptions & {
    /** The desk's `tenders.templates.adopt` (from the worker, through the page). */
    adopt: (list: PortalTemplateList) => Promise<{ adopted: number; removed: number } | void>
  },
): Promise<TemplatePullResult> {
  const result = await getList(options, 'portal-templates', (json) => {
    const parsed = portalTemplateListSchema.safeParse(json)
    return parsed.success ? parsed.data : null
  })
  if (result === null)
    return { state: 'refused', message: 'the hub sent a portal template list this desk cannot read' }
  if (!('list' in result)) return result
  const waiting = await waitingEntityIds(options.db, PORTAL_TEMPLATE_KIND)
  const list = {
    templates: result.list.templates.filter((t) => !waiting.has(t.id)),
    removed: result.list.removed.filter((id) => !waiting.has(id)),
  }
  const outcome = await options.adopt(list)
  if (!outcome)
    return { state: 'updated', message: `${list.templates.length} portal templates sent to the desk` }
  const changed = outcome.adopted + outcome.removed
  return changed > 0
    ? {
        state: 'updated',
        message: `${changed} portal template change${changed === 1 ? '' : 's'} from the hub`,
      }
    : { state: 'unchanged', message: `${list.templates.length} portal templates, as on the hub` }
}

async function apply(db: TenantDb, templates: readonly LayoutTemplate[]): Promise<TemplatePullResult> {
  const waiting = await waitingEntityIds(db, LAYOUT_TEMPLATE_KIND)
  const local = new Map((await db.layoutTemplates.toArray()).map((row) => [row.id, row]))
  const hub = new Set(templates.map((t) => t.id))
  let changed = 0
  for (const template of templates) {
    if (waiting.has(template.id)) continue
    const row = local.get(template.id)
    if (row && row.template.learnedAt >= template.learnedAt) continue
    const entity = { id: template.id, supplierKey: template.supplierKey, template }
    await recordLocalChange(
      db,
      row
        ? { table: 'layoutTemplates', action: 'update', actor: HUB_ACTOR, entity }
        : { table: 'layoutTemplates', action: 'create', actor: HUB_ACTOR, entity },
    )
    changed++
  }
  for (const id of local.keys()) {
    if (hub.has(id) || waiting.has(id)) continue
    await recordLocalChange(db, {
      table: 'layoutTemplates',
      action: 'delete',
      actor: HUB_ACTOR,
      entity: { id },
    })
    changed++
  }
  return changed > 0
    ? {
        state: 'updated',
        message: `${changed} layout template change${changed === 1 ? '' : 's'} from the hub`,
      }
    : { state: 'unchanged', message: `${templates.length} layout templates, as on the hub` }
}
