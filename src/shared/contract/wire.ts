import { z } from 'zod'
import { errorEnvelopeSchema } from './errors'

/** Frames carried over the bridge WebSocket (and mirrored by Electron IPC). */
export const requestFrameSchema = z.object({
  t: z.literal('req'),
  id: z.number().int().nonnegative(),
  method: z.string().max(100),
  params: z.unknown(),
})
export const responseFrameSchema = z.discriminatedUnion('ok', [
  z.object({ t: z.literal('res'), id: z.number().int(), ok: z.literal(true), result: z.unknown() }),
  z.object({ t: z.literal('res'), id: z.number().int(), ok: z.literal(false), error: errorEnvelopeSchema }),
])
export const eventFrameSchema = z.object({ t: z.literal('evt'), name: z.string(), payload: z.unknown() })
export const serverFrameSchema = z.union([responseFrameSchema, eventFrameSchema])

export type RequestFrame = z.infer<typeof requestFrameSchema>
export type ResponseFrame = z.infer<typeof responseFrameSchema>
export type EventFrame = z.infer<typeof eventFrameSchema>
export type ServerFrame = z.infer<typeof serverFrameSchema>
