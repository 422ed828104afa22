import { createHash } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type PgBoss from 'pg-boss'
import { z } from 'zod'
import {
  createRunSchema,
  sha256Schema,
  type CreatedRun,
  type RunResults,
  type RunStatus,
  type StartedRun,
} from '../../src/shared/bulk/wire'
import type { HubDeps } from '../app'
import { HubHttpError, parseOr400, requireDesk } from '../http'
import { DEFAULT_QUEUE_SETTINGS, enqueue, ensureQueues, openBoss } from './queue'
import { runFiles } from './results'
import { createRun, filesToEnqueue, listRuns, putBlob, runStatus } from './runs'

const runParams = z.object({ runId: z.uuid() })
const blobParams = z.object({ sha256: sha256Schema })

/**
 * Bulk screening for desks (desk token, the desk's own tenant only): declare a run's files by
 * content hash, upload the contents the hub lacks, start it (one pg-boss job per unique content),
 * then read progress and results. Workers (`npm run workers`) do the screening.
 */
export function bulkRoutes(app: FastifyInstance, deps: HubDeps): void {
  let boss: Promise<PgBoss> | null = null
  // The hub only enqueues: expiring leases and dead-lettering are the workers' maintenance.
  const queue = () =>
    (boss ??= openBoss(deps.config.DATABASE_URL, { supervise: false, max: 2 }).then(async (b) => {
      await ensureQueues(b, DEFAULT_QUEUE_SETTINGS, deps.config.DATABASE_URL)
      return b
    }))
  app.addHook('onClose', async () => {
    if (boss) await (await boss).stop({ graceful: false, wait: true })
  })

  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: deps.config.INGEST_MAX_BYTES },
      (_request, body, done) => done(null, body),
    )
    scope.put('/v1/bulk/blobs/:sha256', async (request) => {
      const desk = await requireDesk(deps.db, request)
      const { sha256 } = parseOr400(blobParams, request.params, 'blob address')
      if (!Buffer.isBuffer(request.body))
        throw new HubHttpError('UNSUPPORTED_MEDIA_TYPE', 'send the file as application/octet-stream')
      const actual = createHash('sha256').update(request.body).digest('hex')
      if (actual !== sha256) {
        throw new HubHttpError(
          'INVALID_INPUT',
          `the body hashes to ${actual}, not to ${sha256}; nothing stored`,
        )
      }
      return { sha256, stored: await putBlob(deps.db, desk.tenantId, sha256, request.body) }
    })
  })

  app.post('/v1/bulk/runs', async (request): Promise<CreatedRun> => {
    const desk = await requireDesk(deps.db, request)
    const body = parseOr400(createRunSchema, request.body, 'bulk run')
    if (body.tenant !== undefined && body.tenant !== desk.tenantId) {
      throw new HubHttpError(
        'FORBIDDEN',
        `this desk token belongs to tenant "${desk.tenantId}", not "${body.tenant}"; nothing was submitted`,
      )
    }
    return createRun(deps.db, desk, body.profiles, body.files, deps.config.INGEST_MAX_BYTES, deps.clock())
  })

  app.post('/v1/bulk/runs/:runId/start', async (request): Promise<StartedRun> => {
    const desk = await requireDesk(deps.db, request)
    const { runId } = parseOr400(runParams, request.params, 'run id')
    const pending = await filesToEnqueue(deps.db, desk.tenantId, runId)
    if (pending === null) throw new HubHttpError('NOT_FOUND', `no bulk run ${runId} for this tenant`)
    if (pending.notUploaded.length > 0) {
      const names = pending.notUploaded.slice(0, 5).join(', ')
      throw new HubHttpError(
        'INVALID_INPUT',
        `${pending.notUploaded.length} file(s) were never uploaded (${names}); upload them, then start again`,
      )
    }
    await enqueue(
      await queue(),
      pending.ordinals.map(({ ordinal }) => ({ tenant: desk.tenantId, runId, ordinal })),
    )
    return { runId, enqueued: pending.ordinals.length }
  })

  app.get('/v1/bulk/runs', async (request): Promise<{ runs: RunStatus[] }> => {
    const desk = await requireDesk(deps.db, request)
    return { runs: await listRuns(deps.db, desk.tenantId) }
  })

  const status = async (tenant: string, runId: string): Promise<RunStatus> => {
    const s = await runStatus(deps.db, tenant, runId)
    if (s === null) throw new HubHttpError('NOT_FOUND', `no bulk run ${runId} for this tenant`)
    return s
  }

  app.get('/v1/bulk/runs/:runId', async (request): Promise<RunStatus> => {
    const desk = await requireDesk(deps.db, request)
    const { runId } = parseOr400(runParams, request.params, 'run id')
    return status(desk.tenantId, runId)
  })

  app.get('/v1/bulk/runs/:runId/results', async (request): Promise<RunResults> => {
    const desk = await requireDesk(deps.db, request)
    const { runId } = parseOr400(runParams, request.params, 'run id')
    const s = await status(desk.tenantId, runId)
    return { status: s, files: await runFiles(deps.db, desk.tenantId, runId) }
  })
}
