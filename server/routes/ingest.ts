import type { FastifyInstance } from 'fastify'
import { ingestBatchSchema, type AckStatus, type IngestAck, type RecordAck } from '../../src/shared/sync/wire'
import { HubHttpError, parseOr400, requireDesk } from '../http'
import { storeBatch } from '../store/ingest'
import { validateBatch } from '../validate-batch'
import type { HubDeps } from '../app'

export function ingestRoutes(app: FastifyInstance, deps: HubDeps): void {
  app.post('/v1/ingest', async (request) => {
    const desk = await requireDesk(deps.db, request)
    const batch = parseOr400(ingestBatchSchema, request.body, 'ingest batch')
    const verdict = validateBatch(batch.records, desk.tenantId)
    if (!verdict.ok) {
      throw new HubHttpError(
        'FORBIDDEN',
        `record ${verdict.index} claims tenant "${verdict.claimed}" but this desk belongs to ` +
          `"${desk.tenantId}"; the batch was refused and nothing was stored`,
      )
    }
    const { storedIds } = await storeBatch(deps.db, desk, verdict.accepted, deps.clock(), batch.queueDepth)
    const results: Array<RecordAck | undefined> = [...verdict.acks]
    for (const { index, record } of verdict.accepted) {
      results[index] = { index, id: record.id, status: storedIds.has(record.id) ? 'stored' : 'duplicate' }
    }
    const counts: Record<AckStatus, number> = { stored: 0, duplicate: 0, rejected: 0 }
    const dense = results.filter((r): r is RecordAck => r !== undefined)
    for (const r of dense) counts[r.status] += 1
    deps.metrics.countBatch(desk.tenantId, desk.deskId, counts)
    const ack: IngestAck = {
      results: dense,
      stored: counts.stored,
      duplicates: counts.duplicate,
      rejected: counts.rejected,
    }
    return ack
  })
}
