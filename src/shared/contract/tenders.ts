import { z } from 'zod'
import { bboxSchema, pageBoxSchema } from '../document-text/schema'
import { FIELD_NAMES } from '../tenders/fields/types'
import { profileResultSchema } from '../tenders/screening/result-schema'
import {
  fieldTemplateSchema,
  forgottenTemplateSchema,
  portalTemplateListSchema,
} from '../tenders/templates/schema'

/**
 * Tender screening as it crosses the contract: the tenant's profiles, one row per document for
 * the results table, and the full evidence of one document for the evidence view.
 */

export const profileFormatSchema = z.enum(['json', 'yaml'])

export const profileSummarySchema = z.object({
  name: z.string(),
  category: z.string().optional(),
  threshold: z.number(),
  terms: z.number().int().nonnegative(),
  exclusions: z.number().int().nonnegative(),
  format: profileFormatSchema,
  /** The text as the analyst gave it, so it can be edited again. */
  text: z.string(),
  /** The current (newest) version; earlier ones stay listed by `tenders.profiles.versions`. */
  version: z.number().int().positive(),
  /** When this version was saved; null for profiles stored before versions were kept. */
  savedAt: z.string().nullable(),
})
export type ProfileSummary = z.infer<typeof profileSummarySchema>

export const profileSaveRequestSchema = z
  .object({
    text: z
      .string()
      .min(1)
      .max(8 * 1024 * 1024),
    format: profileFormatSchema,
    /** Save over a profile of the same name as its next version. */
    replace: z.boolean().optional(),
    /** Save over the profile only while its current version is this one (implies replace). */
    expectedVersion: z.number().int().positive().optional(),
  })
  .strict()

/** One stored version of a profile, as the analyst wrote it. */
export const profileVersionSchema = z.object({
  version: z.number().int().positive(),
  savedAt: z.string().nullable(),
  format: profileFormatSchema,
  text: z.string(),
  /** Set when this version was made by restoring an earlier one. */
  restoredFrom: z.number().int().positive().optional(),
})
export type ProfileVersion = z.infer<typeof profileVersionSchema>

export const profileVersionsSchema = z.object({
  name: z.string(),
  current: z.number().int().positive(),
  /** Newest first. */
  versions: z.array(profileVersionSchema),
})
export type ProfileVersions = z.infer<typeof profileVersionsSchema>

/** A field's normalised value flattened to text (ISO dates, plain numbers), with its kind. */
export const rowFieldSchema = z.object({
  value: z.string(),
  normalised: z.string(),
  type: z.enum(['text', 'date', 'date-time', 'number', 'money', 'boolean', 'percent']),
  label: z.string(),
  page: z.number().int().positive(),
  confidence: z.number().min(0).max(1),
})
export type RowField = z.infer<typeof rowFieldSchema>

export const screeningRowSchema = z.object({
  documentId: z.string(),
  name: z.string(),
  sha256: z.string(),
  importedAt: z.string(),
  /** pending: not read yet; failed: extraction failed (listed with its error). */
  state: z.enum(['pending', 'screened', 'failed']),
  profile: z.string().nullable(),
  category: z.string().optional(),
  score: z.number(),
  relevant: z.boolean(),
  reasons: z.array(z.string()),
  matches: z.array(
    z.object({
      term: z.string(),
      count: z.number().int().nonnegative(),
      weight: z.number(),
      points: z.number(),
    }),
  ),
  profiles: z.array(z.object({ profile: z.string(), score: z.number(), relevant: z.boolean() })),
  kind: z.enum(['gem', 'cppp', 'generic']).optional(),
  fields: z.record(z.string(), rowFieldSchema),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
})
export type ScreeningRow = z.infer<typeof screeningRowSchema>

export const evidenceHitSchema = z.object({
  term: z.string(),
  variant: z.string(),
  text: z.string(),
  page: z.number().int().positive(),
  bbox: bboxSchema,
  boxes: z.array(pageBoxSchema),
  words: z.array(z.object({ page: z.number().int().positive(), indexes: z.array(z.number().int()) })),
  confidence: z.number(),
})
export type EvidenceHit = z.infer<typeof evidenceHitSchema>

export const evidenceTermSchema = z.object({
  term: z.string(),
  mode: z.string(),
  weight: z.number(),
  veto: z.boolean(),
  exclusion: z.boolean(),
  count: z.number().int().nonnegative(),
  points: z.number(),
  pages: z.array(z.number().int()),
  hits: z.array(evidenceHitSchema),
})
export type EvidenceTerm = z.infer<typeof evidenceTermSchema>

export const evidenceFieldSchema = rowFieldSchema.extend({
  bbox: bboxSchema,
  boxes: z.array(pageBoxSchema),
  labelBoxes: z.array(pageBoxSchema),
  method: z.string(),
  /** Read with the portal's template an analyst taught the desk. */
  template: z
    .object({ id: z.string(), documentName: z.string(), learnedBy: z.string(), learnedAt: z.string() })
    .optional(),
})
export type EvidenceField = z.infer<typeof evidenceFieldSchema>

export const screeningDetailSchema = z.object({
  documentId: z.string(),
  name: z.string(),
  sha256: z.string(),
  kind: z.enum(['gem', 'cppp', 'generic']),
  // A profile's verdict as the screening engine gives it, with each term's hits as evidence boxes.
  profiles: z.array(profileResultSchema.extend({ terms: z.array(evidenceTermSchema) })),
  fields: z.record(z.string(), evidenceFieldSchema),
})
export type ScreeningDetail = z.infer<typeof screeningDetailSchema>

export const screeningExportRequestSchema = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    /** The rows to export, in this order (the table's filtered, sorted list); all when absent. */
    documentIds: z.array(z.string().min(1)).max(200_000).optional(),
    decisions: z
      .array(
        z
          .object({
            documentId: z.string().min(1),
            decision: z.enum(['relevant', 'not-relevant', 'needs-review']),
            reason: z.string().max(10_000).optional(),
            /** Who recorded it; exported as the "decidedBy" column. */
            decidedBy: z.string().max(200).optional(),
          })
          .strict(),
      )
      .max(200_000)
      .default([]),
  })
  .strict()

export const screeningExportSchema = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  dataBase64: z.string(),
  rows: z.number().int().nonnegative(),
})

/** Bid-portal templates learned from analysts' corrections (src/shared/tenders/templates). */
export const tendersTemplateMethods = {
  'tenders.templates.list': {
    request: z.object({}).strict(),
    /** `forgotten`: templates removed on this desk, which the hub is told of and never undoes. */
    response: z.object({
      templates: z.array(fieldTemplateSchema),
      forgotten: z.array(forgottenTemplateSchema).optional(),
    }),
  },
  /**
   * Learns from a field the analyst corrected or added on a bid: the label its value is printed
   * by. INVALID_INPUT, naming the document and why, when the value is not beside or under a label.
   */
  'tenders.templates.learn': {
    request: z
      .object({
        documentId: z.string().min(1).max(200),
        field: z.enum(FIELD_NAMES),
        value: z.string().trim().min(1).max(1_000),
      })
      .strict(),
    /** `replacedId`: the portal's earlier template for the field, which this one replaces. */
    response: z.object({
      template: fieldTemplateSchema,
      replaced: z.boolean(),
      replacedId: z.string().optional(),
    }),
  },
  'tenders.templates.remove': {
    request: z
      .object({ id: z.string().min(1).max(200), reason: z.string().trim().min(1).max(2_000) })
      .strict(),
    response: z.object({ removed: z.boolean() }),
  },
  /**
   * Takes the templates the tenant's other desks taught, as the hub lists them (the sync worker
   * leaves out any this desk changed that still waits in its outbox): a newer one is kept (for
   * its id, and for its portal's field unless this desk learned that later), a removed id is
   * forgotten. Each change is audited with the actor "hub (another desk)".
   */
  'tenders.templates.adopt': {
    request: portalTemplateListSchema,
    response: z.object({ adopted: z.number().int().nonnegative(), removed: z.number().int().nonnegative() }),
  },
}
