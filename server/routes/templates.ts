import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { tenantIdSchema } from '../../src/shared/contract/schemas'
import {
  layoutTemplateListSchema,
  layoutTemplateSchema,
  type LayoutTemplate,
} from '../../src/shared/qc/templates/schema'
import type { HubDeps } from '../app'
import { parseOr400, requireTenantReader } from '../http'
import { withTenant } from '../db/pool'

/**
 * GET /v1/tenants/:t/layout-templates: the tenant's learned COA layout templates, so every desk of
 * the tenant reads a supplier's COAs the way one technician taught. The newest event per template
 * wins; a forgotten template is not listed. Desk token of that tenant (or the admin), under RLS.
 */
export function templateRoutes(app: FastifyInstance, deps: HubDeps): void {
  app.get('/v1/tenants/:t/layout-templates', async (request) => {
    const { t } = parseOr400(z.object({ t: tenantIdSchema }), request.params, 'path')
    await requireTenantReader(deps.db, request, t, deps.config.HUB_ADMIN_TOKEN)
    const rows = await withTenant(deps.db, t, async (tx) =>
      tx.query<{ template: unknown }>(
        `SELECT template FROM (
           SELECT DISTINCT ON (template_id) action, template
             FROM layout_template_events
            ORDER BY template_id, changed_at DESC, record_id DESC
         ) latest
         WHERE action = 'learn'`,
      ),
    )
    const templates: LayoutTemplate[] = rows.rows.map((r) => layoutTemplateSchema.parse(r.template))
    return layoutTemplateListSchema.parse({ templates })
  })
}
