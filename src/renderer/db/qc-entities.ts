import { z } from 'zod'
import { coaReportSchema } from '../../shared/contract/qc'
import { INSPECTION_LEVELS } from '../../shared/qc/sampling'
import { specificationSchema } from '../../shared/qc/spec'
import { layoutTemplateSchema } from '../../shared/qc/templates/schema'
import { UUIDV7_PATTERN } from '../../shared/ids/uuidv7'

const uuidv7Schema = z.string().regex(UUIDV7_PATTERN, 'must be a lowercase UUIDv7')
const existingId = z.string().min(1).max(200)
const name = z.string().trim().min(1).max(200)
const when = z.iso.datetime({ offset: true })

const specificationFields = z.strictObject({
  product: name,
  version: z.number().int().positive(),
  spec: specificationSchema,
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  source: z.enum(['import', 'edit']),
  previousId: existingId.optional(),
  fileName: z.string().max(300).optional(),
})

const valueEdit = z.strictObject({
  parameter: name,
  original: z.string().max(500),
  value: z.string().trim().min(1).max(500),
  reason: z.string().trim().min(1, 'a reason is required').max(2000),
  by: name,
  at: when,
})

const signature = z.strictObject({
  signer: name,
  meaning: z.enum(['reviewed', 'approved', 'rejected']),
  at: when,
})

const scanLink = z.strictObject({
  scanId: z.string().min(1).max(200),
  at: z.string().min(1).max(40),
  data: z.string().min(1).max(4096),
  device: z.string().max(300),
  expiry: z.string().max(20).optional(),
  gtin: z.string().max(20).optional(),
})

/** Archiving and restoring a mistaken record: who, when and why, kept on the record for good. */
const archiveStep = z.strictObject({
  action: z.enum(['archived', 'restored']),
  by: name,
  at: when,
  reason: z.string().trim().min(1, 'a reason is required').max(2000),
})

const coaRecordFields = z.strictObject({
  batch: z.string().trim().min(1).max(100),
  product: z.string().max(300),
  gtin: z.string().max(20).optional(),
  documentId: existingId.optional(),
  documentName: z.string().max(500).optional(),
  documentHash: z.string().max(64).optional(),
  specId: existingId.optional(),
  specVersion: z.number().int().positive().optional(),
  status: z.enum(['awaiting-coa', 'in-review', 'approved', 'rejected']),
  report: coaReportSchema.optional(),
  checkedAt: when.optional(),
  checkedBy: name.optional(),
  edits: z.array(valueEdit).max(1000),
  signatures: z.array(signature).max(100),
  scans: z.array(scanLink).max(10_000),
  /** Set while the record is archived (hidden from the list and from batch lookups); null once restored. */
  archived: archiveStep.nullable().optional(),
  archiveLog: z.array(archiveStep).max(1000).optional(),
})

const signerFields = z.strictObject({
  name,
  hash: z.string().min(16).max(200),
  salt: z.string().min(16).max(200),
  iterations: z.number().int().min(1000),
})

export const samplingResultSchema = z.strictObject({
  plan: z.enum(['iso2859', 'sqrt', 'who-n', 'who-p', 'who-r']),
  lotSize: z.number().int().positive(),
  level: z.enum(INSPECTION_LEVELS).optional(),
  codeLetter: z.string().max(2).optional(),
  formula: z.string().max(100).optional(),
  sampleSize: z.number().int().positive(),
  seed: z.string().min(1).max(200),
  prng: z.string().max(200),
  picks: z.array(z.number().int().positive()),
  drawOrder: z.array(z.number().int().positive()),
  note: z.string().max(1000).optional(),
})

const samplingFields = z.strictObject({
  coaRecordId: existingId.optional(),
  batch: z.string().max(100),
  result: samplingResultSchema,
  picked: z.array(z.number().int().positive()),
})

/** planSample's result as stored (a type alias, so it snapshots into audit JSON). */
export type StoredSamplingResult = z.infer<typeof samplingResultSchema>

function pair<S extends z.ZodObject>(fields: S) {
  return {
    create: fields.extend({ id: uuidv7Schema.optional() }),
    update: fields.partial().extend({ id: existingId }),
  }
}

export const qcEntityFieldSchemas = {
  specifications: pair(specificationFields),
  coaRecords: pair(coaRecordFields),
  signers: pair(signerFields),
  samplings: pair(samplingFields),
  layoutTemplates: pair(
    z.strictObject({ supplierKey: z.string().min(1).max(300), template: layoutTemplateSchema }),
  ),
}
