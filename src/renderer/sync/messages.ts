import { z } from 'zod'
import { tenantIdSchema } from '../../shared/contract/schemas'
import { deskMetricsSchema } from '../../shared/metrics/desk-metrics'
import { portalTemplateListSchema } from '../../shared/tenders/templates/schema'
import { syncSettingsSchema } from './settings'
import { syncStatusSchema } from './status'

/** UI → worker. The token travels in `configure` only; the worker keeps it in memory. */
export const toWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('configure'), tenant: tenantIdSchema, settings: syncSettingsSchema.nullable() }),
  z.object({ type: z.literal('notify') }),
  z.object({ type: z.literal('sync-now') }),
  z.object({ type: z.literal('retry-rejected') }),
  z.object({ type: z.literal('online'), online: z.boolean() }),
  z.object({ type: z.literal('stop') }),
  /** The desk's latest sync.metrics for this tenant, sent with the next heartbeat. */
  z.object({ type: z.literal('metrics'), tenant: tenantIdSchema, metrics: deskMetricsSchema }),
])
export type ToWorker = z.input<typeof toWorkerSchema>

/** Worker → UI. */
export const fromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), tenant: tenantIdSchema, status: syncStatusSchema }),
  z.object({ type: z.literal('error'), message: z.string() }),
  /** The tenant's bid-portal templates from the hub, for the page to give the desk (templates.adopt). */
  z.object({ type: z.literal('portal-templates'), tenant: tenantIdSchema, list: portalTemplateListSchema }),
])
export type FromWorker = z.infer<typeof fromWorkerSchema>
