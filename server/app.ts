import Fastify, { type FastifyInstance } from 'fastify'
import type { HubConfig } from './config'
import { bulkRoutes } from './bulk/routes'
import { deskCors } from './cors'
import type { Db } from './db/pool'
import { HubHttpError, sendError, toHubError } from './http'
import { hubLoggerOptions } from './logging'
import { HubMetrics } from './metrics'
import { deskRoutes } from './routes/desks'
import { incidentRoutes } from './routes/incidents'
import { ingestRoutes } from './routes/ingest'
import { modelRoutes } from './routes/models'
import { templateRoutes } from './routes/templates'
import { opsRoutes } from './routes/ops'

export type HubDeps = {
  db: Db
  config: HubConfig
  clock: () => Date
  metrics: HubMetrics
}

export function buildHub(
  db: Db,
  config: HubConfig,
  options: { clock?: () => Date; logger?: boolean } = {},
): { app: FastifyInstance; deps: HubDeps } {
  const clock = options.clock ?? (() => new Date())
  const deps: HubDeps = { db, config, clock, metrics: new HubMetrics(clock) }
  const app = Fastify({
    bodyLimit: config.INGEST_MAX_BYTES,
    logger: options.logger === false ? false : hubLoggerOptions(config),
    // Bodies are never echoed back in errors, and request ids help correlate desk and hub logs.
    requestIdHeader: 'x-request-id',
  })
  app.setErrorHandler((error, request, reply) => {
    const hubError = toHubError(error)
    deps.metrics.countError(hubError.code)
    if (hubError.status >= 500) request.log.error({ err: error }, 'request failed')
    return sendError(reply, hubError)
  })
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, new HubHttpError('NOT_FOUND', `no route ${request.method} ${request.url}`)),
  )
  deskCors(app)
  ingestRoutes(app, deps)
  deskRoutes(app, deps)
  opsRoutes(app, deps)
  modelRoutes(app, deps)
  templateRoutes(app, deps)
  incidentRoutes(app, deps)
  bulkRoutes(app, deps)
  return { app, deps }
}
