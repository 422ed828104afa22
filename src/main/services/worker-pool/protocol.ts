import { z } from 'zod'
import { errorEnvelopeSchema } from '../../../shared/contract'

/**
 * The wire between a pool and its workers. Both sides parse what they receive, so a worker script
 * that posts something else is treated as broken rather than trusted.
 */
export const taskMessageSchema = z.object({
  type: z.literal('task'),
  id: z.number().int().nonnegative(),
  payload: z.unknown(),
})
export type TaskMessage = z.infer<typeof taskMessageSchema>

export const workerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.number().int().nonnegative(), value: z.unknown() }),
  z.object({ type: z.literal('error'), id: z.number().int().nonnegative(), error: errorEnvelopeSchema }),
])
export type WorkerMessage = z.infer<typeof workerMessageSchema>
