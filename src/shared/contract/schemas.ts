import { z } from 'zod'
import { docTypeSchema } from '../documents/doctype/types'
import { tenantIdSchema } from '../ids/tenant'
import { errorCodeSchema } from './errors'
import { ocrEngineSchema, ocrLanguagesSchema, ocrModelSchema } from './ocr-settings'

// Defined beside the other ids so that capabilities the contract carries (bulk runs) can use it too.
export { tenantIdSchema }

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

/**
 * Who is at this desk: the one remembered person every decision, correction and check is credited
 * to (until desk users with sign-in arrive). A name as people write it; signers are matched by it.
 */
export const deskUserNameSchema = z
  .string()
  .trim()
  .min(1, 'say who is at this desk (a name)')
  .max(100, 'a name is at most 100 characters')
  .regex(/^[^\p{Cc}]+$/u, 'a name has no control characters')
export const deskUserSchema = z.object({ name: deskUserNameSchema.nullable() })
export type DeskUser = z.infer<typeof deskUserSchema>

export const extractionSchema = z.object({
  state: z.enum(['pending', 'running', 'done', 'failed']),
  mode: z.enum(['auto', 'force-ocr', 'text-only']),
  langs: ocrLanguagesSchema,
  /** The OCR model it was read with; absent on records older than per-tenant models (the desk's then). */
  model: ocrModelSchema.optional(),
  /** The engine it was read with; absent on records older than per-tenant engines (tesseract's then). */
  engine: ocrEngineSchema.optional(),
  /** false: a tenant chose English only, so no page was read again with Hindi; absent means true. */
  hindiCheck: z.boolean().optional(),
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

/** A change of a document's type by a person: kept on the record, oldest first, never rewritten. */
export const docTypeChangeSchema = z.object({
  from: docTypeSchema.nullable(),
  to: docTypeSchema,
  by: z.string().min(1).max(200),
  at: z.string(),
})
export type DocTypeChange = z.infer<typeof docTypeChangeSchema>

/** Which desk a document goes to: decided when its text is read, changed by a user at will. */
export const documentTypeSchema = z.object({
  type: docTypeSchema,
  /** `user` once a person chose the type; reading the document again keeps a user's choice. */
  source: z.enum(['classifier', 'user']),
  /** The classifier that decided (its id and version), also after a user changed the type. */
  classifier: z.string(),
  /** The classifier's confidence 0..1 in its own type. */
  confidence: z.number().min(0).max(1),
  /** The classifier's evidence, strongest first, in words a user can check against the page. */
  cues: z.array(z.string()),
  changes: z.array(docTypeChangeSchema),
})
export type DocumentType = z.infer<typeof documentTypeSchema>

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
  /** Absent until the text is read. */
  docType: documentTypeSchema.optional(),
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
  /** What the desk did along the way that the user should know, e.g. a stuck worker restarted. */
  notices: z.array(z.string()).optional(),
})
export type Job = z.infer<typeof jobSchema>

export const uploadFileSchema = z.object({
  name: z.string().min(1).max(1024),
  dataBase64: z.string(),
})
