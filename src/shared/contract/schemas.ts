import { z } from 'zod'
import { errorCodeSchema } from './errors'

/** Tenant ids name folders and IndexedDB databases, so they are kept to a safe slug. */
export const tenantIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a tenant id is 1-63 lowercase letters, digits or hyphens')

export const tenantSchema = z.object({ id: tenantIdSchema, name: z.string().min(1).max(200) })
export type Tenant = z.infer<typeof tenantSchema>
export type TenantId = z.infer<typeof tenantIdSchema>

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/)

export const modelStatusSchema = z.object({
  name: z.string(),
  version: z.string(),
  kind: z.string(),
  present: z.boolean(),
  verified: z.boolean(),
  problem: z.string().optional(),
})
export type ModelStatus = z.infer<typeof modelStatusSchema>

export const hostKindSchema = z.enum(['electron', 'browser', 'cli'])
export type HostKind = z.infer<typeof hostKindSchema>

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: hostKindSchema,
  tenant: tenantSchema.nullable(),
  models: z.array(modelStatusSchema),
})
export type AppInfo = z.infer<typeof appInfoSchema>

export const extractionSchema = z.object({
  state: z.enum(['pending', 'running', 'done', 'failed']),
  mode: z.enum(['auto', 'force-ocr', 'text-only']),
  langs: z.enum(['eng', 'eng+hin']),
  pagesTotal: z.number().int().nonnegative(),
  pagesDone: z.number().int().nonnegative(),
  /** Pages read by OCR rather than from the text layer. */
  ocrPages: z.number().int().nonnegative(),
  /** Mean page confidence 0..100 once done. */
  confidence: z.number().min(0).max(100).nullable(),
  /** Pages that failed on their own (the rest of the document has text). */
  failedPages: z.number().int().nonnegative(),
  error: z.object({ code: errorCodeSchema, message: z.string() }).optional(),
})
export type Extraction = z.infer<typeof extractionSchema>

export const documentRecordSchema = z.object({
  id: z.string(),
  tenantId: tenantIdSchema,
  name: z.string(),
  sourcePath: z.string().nullable(),
  sha256: sha256Schema,
  size: z.number().int().nonnegative(),
  mediaType: z.string(),
  importedAt: z.string(),
  /** Absent where the host runs no pipeline. */
  extraction: extractionSchema.optional(),
})
export type DocumentRecord = z.infer<typeof documentRecordSchema>

export const jobStateSchema = z.enum(['queued', 'running', 'done', 'failed', 'cancelled'])
export type JobState = z.infer<typeof jobStateSchema>

export const jobItemErrorSchema = z.object({ file: z.string(), code: errorCodeSchema, message: z.string() })
export type JobItemError = z.infer<typeof jobItemErrorSchema>

export const jobSchema = z.object({
  id: z.string(),
  kind: z.enum(['import', 'extract']),
  tenantId: tenantIdSchema,
  label: z.string(),
  state: jobStateSchema,
  total: z.number().int().nonnegative(),
  /** Items handled so far, failed ones included; succeeded = completed - failed. */
  completed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** Page-level progress of text extraction within the job (0 where no pages are involved). */
  pagesDone: z.number().int().nonnegative(),
  pagesTotal: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
  errors: z.array(jobItemErrorSchema),
  documentIds: z.array(z.string()),
})
export type Job = z.infer<typeof jobSchema>

export const uploadFileSchema = z.object({
  name: z.string().min(1).max(1024),
  dataBase64: z.string(),
})
