import { z } from 'zod'
import { tenantIdSchema } from '../ids/tenant'
import { profileSchema } from '../tenders/screening/profile'

/** A file's content address: lowercase hex sha256 of its bytes. */
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex sha256')

/** Files in one run: enough for a day's downloads, small enough that one request carries the list. */
export const MAX_RUN_FILES = 50_000

export const bulkFileStateSchema = z.enum(['queued', 'screened', 'duplicate', 'failed'])
export type BulkFileState = z.infer<typeof bulkFileStateSchema>

/** What the desk says about each file before uploading any bytes. */
export const bulkFileEntrySchema = z.strictObject({
  name: z.string().min(1).max(1000),
  sha256: sha256Schema,
  size: z.number().int().nonnegative(),
})
export type BulkFileEntry = z.infer<typeof bulkFileEntrySchema>

export const createRunSchema = z.strictObject({
  /** The tenant the submitter means; the hub refuses the run when the desk token is another's. */
  tenant: tenantIdSchema.optional(),
  profiles: z.array(profileSchema).min(1).max(50),
  files: z.array(bulkFileEntrySchema).min(1).max(MAX_RUN_FILES),
})
export type CreateRun = z.input<typeof createRunSchema>

/** The hub's answer: which contents it still needs (upload them, then start the run). */
export const createdRunSchema = z.object({
  runId: z.uuid(),
  pipelineVersion: z.string(),
  missing: z.array(sha256Schema),
})
export type CreatedRun = z.infer<typeof createdRunSchema>

export const storedBlobSchema = z.object({ sha256: sha256Schema, stored: z.boolean() })

export const startedRunSchema = z.object({ runId: z.uuid(), enqueued: z.number().int().nonnegative() })
export type StartedRun = z.infer<typeof startedRunSchema>

export const runStatusSchema = z.object({
  runId: z.uuid(),
  createdAt: z.string(),
  pipelineVersion: z.string(),
  files: z.number().int().nonnegative(),
  queued: z.number().int().nonnegative(),
  screened: z.number().int().nonnegative(),
  duplicate: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  done: z.boolean(),
})
export type RunStatus = z.infer<typeof runStatusSchema>

/** One screened bid as the bulk worker stores it: the desk's ScreenResult fields that matter for a list. */
export const bulkScreenedSchema = z.object({
  score: z.number(),
  relevant: z.boolean(),
  profile: z.string().nullable(),
  pages: z.number().int().nonnegative().optional(),
  reasons: z.array(z.string()),
  matches: z.array(z.object({ term: z.string(), count: z.number() })),
  fields: z.record(z.string(), z.unknown()),
  learned: z.object({ probability: z.number(), relevant: z.boolean(), modelVersion: z.string() }).optional(),
})
export type BulkScreened = z.infer<typeof bulkScreenedSchema>

export const bulkFileResultSchema = z.object({
  ordinal: z.number().int().nonnegative(),
  name: z.string(),
  sha256: sha256Schema,
  state: bulkFileStateSchema,
  /** For a duplicate: the first file in the run with the same content. */
  duplicateOf: z.object({ ordinal: z.number().int().nonnegative(), name: z.string() }).optional(),
  reason: z.string().optional(),
  attempts: z.number().int().nonnegative(),
  result: bulkScreenedSchema.optional(),
})
export type BulkFileResult = z.infer<typeof bulkFileResultSchema>

export const runResultsSchema = z.object({
  status: runStatusSchema,
  files: z.array(bulkFileResultSchema),
})
export type RunResults = z.infer<typeof runResultsSchema>

export const runListSchema = z.object({ runs: z.array(runStatusSchema) })
