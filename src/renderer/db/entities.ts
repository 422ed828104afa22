import { z } from 'zod'
import { UUIDV7_PATTERN } from '../../shared/ids/uuidv7'
import { qcEntityFieldSchemas } from './qc-entities'
import type { EntityTableName } from './types'

// What callers may set on each entity. Strict objects: base fields (tenant, createdAt, ...) are
// stamped by the store, and silently dropping a caller's attempt to set them would hide a bug.

const documentNoteFields = z.strictObject({
  documentId: z.string().min(1).max(200),
  note: z.string().max(100_000),
  tags: z.array(z.string().min(1).max(100)).max(100),
})

const decisionFields = z.strictObject({
  kind: z.string().min(1).max(100),
  subjectId: z.string().min(1).max(200),
  value: z.json(),
  reason: z.string().max(10_000).optional(),
})

const uuidv7Schema = z.string().regex(UUIDV7_PATTERN, 'must be a lowercase UUIDv7')
// Updates only name an existing row; whether it exists is checked inside the transaction.
const existingId = z.string().min(1).max(200)

export const entityFieldSchemas = {
  documents: {
    create: documentNoteFields.extend({
      id: uuidv7Schema.optional(),
      tags: documentNoteFields.shape.tags.default([]),
    }),
    update: documentNoteFields.partial().extend({ id: existingId }),
  },
  decisions: {
    create: decisionFields.extend({ id: uuidv7Schema.optional() }),
    update: decisionFields.partial().extend({ id: existingId }),
  },
  ...qcEntityFieldSchemas,
} satisfies Record<EntityTableName, { create: z.ZodType; update: z.ZodType }>

export type CreateInput<T extends EntityTableName> = z.input<(typeof entityFieldSchemas)[T]['create']>
export type UpdateInput<T extends EntityTableName> = z.input<(typeof entityFieldSchemas)[T]['update']>
