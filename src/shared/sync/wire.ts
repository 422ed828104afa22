import { z } from 'zod'
import { tenantIdSchema } from '../contract/schemas'
import { UUIDV7_PATTERN } from '../ids/uuidv7'
import { deskMetricsSchema } from '../metrics/desk-metrics'

/** Large enough to drain a backlog quickly, small enough that one lost response costs little. */
export const MAX_BATCH_RECORDS = 1_000

/** One outbox row as it crosses the wire: the desk's row minus its local delivery bookkeeping. */
export const ingestRecordSchema = z.strictObject({
  /** The outbox row's UUIDv7: the idempotency key the hub stores once. */
  id: z.string().regex(UUIDV7_PATTERN, 'must be a lowercase UUIDv7'),
  tenant: tenantIdSchema,
  kind: z.string().min(1).max(100),
  entityTable: z.string().min(1).max(100),
  entityId: z.string().min(1).max(200),
  payload: z.json(),
  createdAt: z.iso.datetime({ offset: true }),
})
export type IngestRecord = z.infer<typeof ingestRecordSchema>

// Records stay `unknown` here so one bad record is rejected on its own instead of failing the batch.
export const ingestBatchSchema = z.strictObject({
  records: z.array(z.unknown()).min(1).max(MAX_BATCH_RECORDS),
  /** The desk's outbox depth when it sent the batch, for the hub's queue-depth metric. */
  queueDepth: z.number().int().nonnegative().optional(),
})
export type IngestBatch = z.infer<typeof ingestBatchSchema>

export const ackStatusSchema = z.enum(['stored', 'duplicate', 'rejected'])
export type AckStatus = z.infer<typeof ackStatusSchema>

export const recordAckSchema = z.object({
  index: z.number().int().nonnegative(),
  /** Null when the record was so malformed it had no usable id. */
  id: z.string().nullable(),
  status: ackStatusSchema,
  reason: z.string().optional(),
})
export type RecordAck = z.infer<typeof recordAckSchema>

export const ingestAckSchema = z.object({
  results: z.array(recordAckSchema),
  stored: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
})
export type IngestAck = z.infer<typeof ingestAckSchema>

export const HUB_ERROR_CODES = [
  'UNAUTHORIZED',
  'FORBIDDEN',
  'INVALID_INPUT',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNAVAILABLE',
  'INTERNAL',
] as const
export const hubErrorSchema = z.object({ error: z.enum(HUB_ERROR_CODES), message: z.string() })
export type HubErrorCode = (typeof HUB_ERROR_CODES)[number]
export type HubError = z.infer<typeof hubErrorSchema>

export const heartbeatSchema = z.strictObject({
  queueDepth: z.number().int().nonnegative().optional(),
  lastSuccessAt: z.iso.datetime({ offset: true }).nullable().optional(),
  appVersion: z.string().max(100).optional(),
  /** The desk's own measurements (api latency, worker queue, OCR); older desks send none. */
  metrics: deskMetricsSchema.optional(),
})
export type Heartbeat = z.infer<typeof heartbeatSchema>
