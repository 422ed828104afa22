import { z } from 'zod'

/**
 * A supplier's COA layout as a technician taught it once: which column holds which role, and
 * which of the COA's parameter names is which specification row. Kept small so it can be shown
 * and explained ("Result is the column headed 'Batch Result'"), and so a wrong one is easy to forget.
 */

const columnRole = z.enum(['name', 'method', 'unit', 'min', 'max', 'spec', 'result', 'other'])

export const layoutFingerprintSchema = z.strictObject({
  /** Folded header labels, left to right, joined with " | ": the exact part of the fingerprint. */
  key: z.string().max(2000),
  /** Each column's centre as a fraction of the table's width (0 = left edge, 1 = right edge). */
  centres: z.array(z.number().min(0).max(1)).max(40),
})

export const layoutTemplateSchema = z.strictObject({
  id: z.string().min(1).max(200),
  /** The supplier as it was read on the COA the template was learned from. */
  supplier: z.string().min(1).max(300),
  /** The supplier folded (no "Pvt. Ltd.", no punctuation): what later COAs are matched on. */
  supplierKey: z.string().min(1).max(300),
  fingerprint: layoutFingerprintSchema,
  /** One role per column of the fingerprint, in the same order. */
  columns: z.array(z.strictObject({ label: z.string().max(300), role: columnRole })).max(40),
  /** The COA's parameter name (folded) → the specification row it is. */
  parameters: z
    .array(z.strictObject({ coaName: z.string().min(1).max(300), specName: z.string().min(1).max(300) }))
    .max(200),
  learnedFrom: z.strictObject({
    recordId: z.string().min(1).max(200),
    batch: z.string().max(200),
    documentName: z.string().max(500).optional(),
  }),
  learnedBy: z.string().min(1).max(200),
  learnedAt: z.iso.datetime({ offset: true }),
})

/** The hub's answer to GET /v1/tenants/:t/layout-templates: the tenant's current templates. */
export const layoutTemplateListSchema = z.strictObject({ templates: z.array(layoutTemplateSchema).max(5000) })

export type LayoutFingerprint = z.infer<typeof layoutFingerprintSchema>
export type LayoutTemplate = z.infer<typeof layoutTemplateSchema>
export type TemplateColumnRole = z.infer<typeof columnRole>

/** What a report says about the template it was read with. */
export const templateUseSchema = z.strictObject({
  id: z.string().min(1).max(200),
  recordId: z.string().min(1).max(200),
  batch: z.string().max(200),
  learnedAt: z.iso.datetime({ offset: true }),
  /** What the template changed, in sentences ("Result read from 'Batch Result'"). */
  changes: z.array(z.string().max(500)).max(250),
})
export type TemplateUse = z.infer<typeof templateUseSchema>
