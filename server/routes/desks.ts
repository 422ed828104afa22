import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { tenantIdSchema } from '../../src/shared/contract/schemas'
import { groundTruthPageSchema, retrainStatusSchema } from '../../src/shared/sync/hub-api'
import { heartbeatSchema } from '../../src/shared/sync/wire'
import { acknowledgeAlert } from '../alerts/monitor'
import type { HubDeps } from '../app'
import { HubHttpError, parseOr400, requireAdmin, requireDesk, requireTenantReader } from '../http'
import { saveDeskMetrics } from '../store/desk-metrics'
import { recordHeartbeat } from '../store/desks'
import { groundTruthPage, recordTraining, retrainStatus } from '../store/training'

const tenantParams = z.object({ t: tenantIdSchema })
const groundTruthQuery = z.strictObject({
  split: z.enum(['train', 'validation']),
  limit: z.coerce.number().int().min(1).max(5_000).default(1_000),
  after: z.uuid().optional(),
})
const trainingBody = z.strictObject({
  trainedAt: z.iso.datetime({ offset: true }).optional(),
  modelVersion: z.string().min(1).max(100).optional(),
  note: z.string().max(2_000).optional(),
})
const ackBody = z.strictObject({ by: z.string().min(1).max(200).default('ops') }).default({ by: 'ops' })

export function deskRoutes(app: FastifyInstance, deps: HubDeps): void {
  app.post('/v1/desks/:id/heartbeat', async (request) => {
    const desk = await requireDesk(deps.db, request)
    const { id } = parseOr400(z.object({ id: z.string() }), request.params, 'path')
    if (id !== desk.deskId) throw new HubHttpError('FORBIDDEN', `this token belongs to desk "${desk.deskId}"`)
    const body = parseOr400(heartbeatSchema, request.body ?? {}, 'heartbeat')
    const now = deps.clock()
    await recordHeartbeat(deps.db, desk, now, body.queueDepth)
    if (body.metrics !== undefined) await saveDeskMetrics(deps.db, desk, now, body.metrics)
    return { ok: true, serverTime: now.toISOString() }
  })

  app.get('/v1/tenants/:t/ground-truth', async (request) => {
    const { t } = parseOr400(tenantParams, request.params, 'path')
    await requireTenantReader(deps.db, request, t, deps.config.HUB_ADMIN_TOKEN)
    const q = parseOr400(groundTruthQuery, request.query, 'query')
    return groundTruthPageSchema.parse(await groundTruthPage(deps.db, t, q.split, q.limit, q.after ?? null))
  })

  app.get('/v1/tenants/:t/retrain-status', async (request) => {
    const { t } = parseOr400(tenantParams, request.params, 'path')
    await requireTenantReader(deps.db, request, t, deps.config.HUB_ADMIN_TOKEN)
    const status = await retrainStatus(deps.db, t, deps.clock(), {
      maxAgeDays: deps.config.RETRAIN_MAX_AGE_DAYS,
      window: deps.config.RETRAIN_CONFIDENCE_WINDOW,
      threshold: deps.config.RETRAIN_CONFIDENCE_THRESHOLD,
    })
    return retrainStatusSchema.parse(status)
  })

  app.post('/v1/tenants/:t/trainings', async (request, reply) => {
    requireAdmin(request, deps.config.HUB_ADMIN_TOKEN)
    const { t } = parseOr400(tenantParams, request.params, 'path')
    const body = parseOr400(trainingBody, request.body ?? {}, 'training')
    const at = body.trainedAt === undefined ? deps.clock() : new Date(body.trainedAt)
    await recordTraining(deps.db, t, at, body.modelVersion ?? null, body.note ?? null)
    return reply.code(201).send({ tenant: t, trainedAt: at.toISOString() })
  })

  app.post('/v1/tenants/:t/alerts/:id/ack', async (request) => {
    requireAdmin(request, deps.config.HUB_ADMIN_TOKEN)
    const { t, id } = parseOr400(tenantParams.extend({ id: z.uuid() }), request.params, 'path')
    const { by } = parseOr400(ackBody, request.body ?? {}, 'ack')
    if (!(await acknowledgeAlert(deps.db, t, id, by, deps.clock()))) {
      throw new HubHttpError('NOT_FOUND', `no open, unacknowledged alert ${id} for tenant ${t}`)
    }
    return { ok: true }
  })
}
