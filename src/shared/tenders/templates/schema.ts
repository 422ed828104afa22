import { z } from 'zod'
import { FIELD_NAMES } from '../fields/types'

/**
 * A bid portal's field as an analyst taught it once: on notices from this portal, `field` is the
 * value printed beside (or under) `label`. Kept to that one fact so it can be shown and explained
 * ("EMD amount is read from “Earnest Money (Rs.)” on eprocure.gov.in notices").
 */
export const fieldTemplateSchema = z.strictObject({
  id: z.string().min(1).max(200),
  /** Which notices it applies to: the portal's web address, or the letterhead where none is printed. */
  portal: z.strictObject({ key: z.string().min(1).max(300), name: z.string().min(1).max(300) }),
  field: z.enum(FIELD_NAMES),
  /** The notice's own label, as printed on the document it was learned from. */
  label: z.string().min(1).max(300),
  /** The corrected value on that document, shown as the example. */
  example: z.string().max(1_000),
  learnedFrom: z.strictObject({ documentId: z.string().min(1).max(200), name: z.string().max(500) }),
  learnedBy: z.string().min(1).max(200),
  learnedAt: z.iso.datetime({ offset: true }),
})
export type FieldTemplate = z.infer<typeof fieldTemplateSchema>

/** A template removed on this desk: never taken back from the hub, and told to it as a forget. */
export const forgottenTemplateSchema = z.strictObject({
  id: z.string().min(1).max(200),
  by: z.string().min(1).max(200),
  at: z.iso.datetime({ offset: true }),
})
export type ForgottenTemplate = z.infer<typeof forgottenTemplateSchema>

export const fieldTemplateFileSchema = z.strictObject({
  templates: z.array(fieldTemplateSchema).max(5_000),
  /** Templates removed on this desk, newest last (absent in files written before templates were shared). */
  forgotten: z.array(forgottenTemplateSchema).max(5_000).optional(),
})

/**
 * The hub's answer to GET /v1/tenants/:t/portal-templates: the tenant's current templates and the
 * ids of those forgotten on one of its desks.
 */
export const portalTemplateListSchema = z.strictObject({
  templates: z.array(fieldTemplateSchema).max(5_000),
  removed: z.array(z.string().min(1).max(200)).max(50_000),
})
export type PortalTemplateList = z.infer<typeof portalTemplateListSchema>
