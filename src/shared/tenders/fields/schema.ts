import { z } from 'zod'
import { bboxSchema, pageBoxSchema } from '../../document-text/schema'
import { FIELD_NAMES } from './types'

/** Extracted fields as they come back from a worker thread (see ./types.ts, the source of truth). */

export const normalisedValueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), value: z.string() }),
  z.object({ kind: z.literal('date'), iso: z.string() }),
  z.object({ kind: z.literal('date-time'), iso: z.string() }),
  z.object({ kind: z.literal('number'), value: z.number(), unit: z.string().optional() }),
  z.object({ kind: z.literal('money'), amount: z.number(), currency: z.literal('INR') }),
  z.object({ kind: z.literal('boolean'), value: z.boolean() }),
  z.object({ kind: z.literal('percent'), value: z.number() }),
])

export const fieldSchema = z.object({
  value: z.string(),
  normalised: normalisedValueSchema,
  label: z.string(),
  page: z.number().int().positive(),
  bbox: bboxSchema,
  boxes: z.array(pageBoxSchema),
  labelBoxes: z.array(pageBoxSchema),
  confidence: z.number().min(0).max(1),
  method: z.enum(['label-right', 'label-below', 'derived', 'pattern']),
  template: z
    .object({ id: z.string(), documentName: z.string(), learnedBy: z.string(), learnedAt: z.string() })
    .optional(),
})

export const extractedFieldsSchema = z.object({
  kind: z.enum(['gem', 'cppp', 'generic']),
  fields: z.partialRecord(z.enum(FIELD_NAMES), fieldSchema),
  dates: z.array(fieldSchema),
  amounts: z.array(fieldSchema),
  references: z.array(fieldSchema),
})
