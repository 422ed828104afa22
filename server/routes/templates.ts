import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { tenantIdSchema } from '../../src/shared/contract/schemas'
import { fieldTemplateSchema, portalTemplateListSchema } from '../../src/shared/tenders/templates/schema'
import {
  layoutTemplateListSchema,
  layoutTemplateSchema,
  type LayoutTemplate,
} from '../../src/shared/qc/templates/schema'
import type { HubDeps } from '../app'
import { parseOr400, requireTenantReader } from '../http'
import { withTenant, type Tx } from '../db/pool'

/** The newest event of each template in one of the template event tables (v7, v8). */
async function latestEvents(
  tx: Tx,
  table: 'layout_template_events' | 'portal_template_events',
): Promise<{ template_id: string; action: 'learn' | 'forget'; template: unknown }[]> {
  const rows = await tx.query<{ template_id: string; action: 'learn' | 'forget'; template: unknown }>(
    `SELECT DISTINCT ON (template_id) template_id, action, template
       FROM ${table}
      ORDER BY template_id, changed_at DESC, record_id DESC`,
  )
  return rows.rows
}

/**
 * GET /v1/tenants/:t/layout-templates: the tenant's learned COA layout templates, so every desk of
 * the tenant reads a supplier's COAs the way one technician taught. The newest event per template
 * wins; a forgotten template is not listed. Desk token of that tenant (or the admin), under RLS.
 *
 * GET /v1/tenants/:t/portal-templates: the same for learned bid-portal field templates, with the ids
 * of the forgotten ones beside them (`removed`), so a desk forgets exactly those and keeps a
 * template the hub never heard of (learned before templates were shared).
 */
export function templateRoutes(app: FastifyInstance, deps: HubDeps): void {
  const params = z.object({ t: tenantIdSchema })
  app.get('/v1/tenants/:t/layout-templates', async (request) => {
    const { t } = parseOr400(params, request.params, 'path')
    await requireTenantReader(deps.db, request, t, deps.config.HUB_ADMIN_TOKEN)
    const events = await withTenant(deps.db, t, (tx) => latestEvents(tx, 'layout_template_events'))
    const templates: LayoutTemplate[] = events
      .filter((e) => e.action === 'learn')
      .map((e) => layoutTemplateSchema.parse(e.template))
    return layoutTemplateListSchema.parse({ templates })
  })

  app.get('/v1/tenants/:t/portal-templates', async (request) => {
    const { t } = parseOr400(params, request.params, 'path')
    await requireTenantReader(deps.db, request, t, deps.config.HUB_ADMIN_TOKEN)
    const events = await withTenant(deps.db, t, (tx) => latestEvents(tx, 'portal_template_events'))
    return portalTemplateListSchema.parse({
      templates: events.filter((e) => e.action === 'learn').map((e) => fieldTemplateSchema.parse(e.template)),
      removed: events.filter((e) => e.action === 'forget').map((e) => e.template_id),
    })
  })
}
