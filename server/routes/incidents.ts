import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { HubDeps } from '../app'
import { HubHttpError, parseOr400, requireAdmin } from '../http'
import { alertmanagerPayloadSchema, applyAlertmanager } from '../incidents/alertmanager'
import { stateSchema } from '../incidents/model'
import { acknowledgeSource, calendarOf } from '../incidents/monitor'
import { incidentsPage } from '../incidents/page'
import {
  getIncident,
  IncidentError,
  listIncidents,
  moveIncident,
  recordPostmortem,
  weeklyReview,
  weekStartOf,
} from '../incidents/store'

const idParams = z.object({ id: z.uuid() })
const listQuery = z.strictObject({ which: z.enum(['open', 'all']).default('open') })
const reviewQuery = z.strictObject({ week: z.iso.date().optional() })
const moveBody = z.strictObject({
  to: stateSchema,
  by: z.string().min(1).max(200).default('ops'),
  note: z.string().max(2_000).optional(),
})
const postmortemBody = z.strictObject({
  rootCause: z.string().trim().min(1).max(10_000),
  actionItems: z.array(z.string().trim().min(1).max(2_000)).min(1).max(100),
  by: z.string().min(1).max(200).default('ops'),
})

/** Incidents are operator records: every route here takes the admin token. */
export function incidentRoutes(app: FastifyInstance, deps: HubDeps): void {
  const calendar = calendarOf(deps.config)
  const guard = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn()
    } catch (error) {
      if (error instanceof IncidentError) {
        throw new HubHttpError(error.kind === 'not-found' ? 'NOT_FOUND' : 'INVALID_INPUT', error.message)
      }
      throw error
    }
  }

  // Alertmanager's webhook receiver (ops/alertmanager/alertmanager.yml, receiver "hub").
  app.post('/v1/ops/alertmanager', async (request) => {
    requireAdmin(request, deps.config.HUB_ADMIN_TOKEN)
    const payload = parseOr400(alertmanagerPayloadSchema, request.body, 'Alertmanager webhook body')
    return applyAlertmanager(deps.db, payload, deps.clock(), calendar)
  })

  app.get('/v1/incidents', async (request) => {
    requireAdmin(request, deps.config.HUB_ADMIN_TOKEN)
    const { which } = parseOr400(listQuery, request.query, 'query')
    return { incidents: await listIncidents(deps.db, which) }
  })

  app.get('/v1/incidents/review', async (request) => {
    requireAdmin(request, deps.config.HUB_ADMIN_TOKEN)
    const { week } = parseOr400(reviewQuery, request.query, 'query')
    const start = weekStartOf(week === undefined ? deps.clock() : new Date(`${week}T00:00:00Z`))
    return { weekStart: start.toISOString(), incidents: await weeklyReview(deps.db, start) }
  })

  app.get('/v1/incidents/:id', async (request) => {
    requireAdmin(request, deps.config.HUB_ADMIN_TOKEN)
    const { id } = parseOr400(idParams, request.params, 'path')
    return guard(() => getIncident(deps.db, id))
  })

  app.post('/v1/incidents/:id/move', async (request) => {
    requireAdmin(request, deps.config.HUB_ADMIN_TOKEN)
    const { id } = parseOr400(idParams, request.params, 'path')
    const body = parseOr400(moveBody, request.body ?? {}, 'move')
    const now = deps.clock()
    const incident = await guard(() => moveIncident(deps.db, id, body.to, body.by, now, calendar, body.note))
    if (body.to === 'acknowledged') await acknowledgeSource(deps.db, incident, body.by, now)
    return incident
  })

  app.post('/v1/incidents/:id/postmortem', async (request) => {
    requireAdmin(request, deps.config.HUB_ADMIN_TOKEN)
    const { id } = parseOr400(idParams, request.params, 'path')
    const body = parseOr400(postmortemBody, request.body, 'post-mortem')
    return guard(() => recordPostmortem(deps.db, id, body.rootCause, body.actionItems, body.by, deps.clock()))
  })

  /** The on-call page, a sibling of /v1/ops/models. */
  app.get('/v1/ops/incidents', async (request, reply) => {
    requireAdmin(request, deps.config.HUB_ADMIN_TOKEN)
    const now = deps.clock()
    const start = weekStartOf(now)
    const page = incidentsPage(
      await listIncidents(deps.db, 'open'),
      await weeklyReview(deps.db, start),
      start,
      now,
    )
    return reply.type('text/html; charset=utf-8').send(page)
  })
}
