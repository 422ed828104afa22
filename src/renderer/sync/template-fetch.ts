import { layoutTemplateListSchema, type LayoutTemplate } from '../../shared/qc/templates/schema'
import { recordLocalChange, type TenantDb } from '../db'
import { HubClient, type FetchLike } from './hub-client'
import type { SyncSettings } from './settings'

/** The actor of templates that came from the hub (another desk of the tenant taught them). */
export const HUB_ACTOR = 'hub (another desk)'

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
export async function refreshLayoutTemplates(options: {
  db: TenantDb
  settings: SyncSettings
  fetch?: FetchLike
  timeoutMs?: number
  stop?: AbortSignal
}): Promise<TemplatePullResult> {
  const { db, settings } = options
  const client = new HubClient(
    settings,
    options.fetch ?? ((input, init) => fetch(input, init)),
    options.timeoutMs ?? 30_000,
  )
  const path = `/v1/tenants/${encodeURIComponent(db.tenant)}/layout-templates`
  const result = await client.get(path, options.stop ?? new AbortController().signal, (json) => {
    const parsed = layoutTemplateListSchema.safeParse(json)
    return parsed.success ? { templates: parsed.data.templates } : null
  })
  if (result === null)
    return { state: 'refused', message: 'the hub sent a template list this desk cannot read' }
  if (!('templates' in result))
    return { state: 'unreachable', message: result.ok ? 'unexpected answer' : result.message }
  return apply(db, result.templates)
}

async function apply(db: TenantDb, templates: readonly LayoutTemplate[]): Promise<TemplatePullResult> {
  const waiting = new Set(
    (await db.outbox.where('state').equals('pending').toArray())
      .filter((row) => row.kind === 'qc.layoutTemplate')
      .map((row) => row.entityId),
  )
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
