import { z } from 'zod'
import { documentTextSchema, extractionModeSchema } from '../document-text/schema'
import { docTypeSchema } from '../documents/doctype/types'
import { relevanceModelSchema } from '../learning/relevance'
import { decisionFeaturesSchema } from '../learning/wire'
import type { EventName, MethodName } from './names'
import {
  appInfoSchema,
  deskUserNameSchema,
  deskUserSchema,
  documentRecordSchema,
  jobSchema,
  tenantIdSchema,
  tenantSchema,
  uploadFileSchema,
} from './schemas'
import {
  gs1ResultSchema,
  scanSchema,
  scannerDeviceSchema,
  scannerErrorSchema,
  scannerPortsSchema,
  scannerProfileSchema,
  scannerStatusSchema,
  scanTestResultSchema,
  wedgeRequestSchema,
  wedgeResponseSchema,
} from './scanners'
import { bulkMethods } from './bulk'
import { deskMetricsMethods } from './desk-metrics'
import { coaReportSchema, qcCheckRequestSchema } from './qc'
import { syncCredentialsSavedSchema, syncCredentialsSchema } from './sync'
import {
  profileSaveRequestSchema,
  profileSummarySchema,
  profileVersionsSchema,
  screeningDetailSchema,
  screeningExportRequestSchema,
  screeningExportSchema,
  screeningRowSchema,
  tendersTemplateMethods,
} from './tenders'
import { ocrLanguagesSchema, ocrSettingsMethods } from './ocr-settings'
import { storeMethods } from './store'
import { usersMethods } from './users'

const noParams = z.object({}).strict()

interface MethodSpec {
  request: z.ZodType
  response: z.ZodType
}

/** Method name -> request and response schemas. Every host validates against this one map. */
export const methods = {
  'app.info': { request: noParams, response: appInfoSchema },
  /** Who is at this desk (null until someone says); one per desk, kept across restarts. */
  'app.user.get': { request: noParams, response: deskUserSchema },
  /** Remembers who is at this desk; every host of the desk sees the same person. */
  'app.user.set': { request: z.object({ name: deskUserNameSchema }).strict(), response: deskUserSchema },
  'tenants.list': {
    request: noParams,
    response: z.object({ tenants: z.array(tenantSchema), current: tenantIdSchema.nullable() }),
  },
  'tenants.select': { request: z.object({ tenantId: tenantIdSchema }).strict(), response: tenantSchema },
  'tenants.create': {
    request: z.object({ id: tenantIdSchema, name: z.string().trim().min(1).max(200) }).strict(),
    response: tenantSchema,
  },
  'documents.import': {
    request: z.object({ paths: z.array(z.string().min(1)).min(1).max(100_000) }).strict(),
    response: jobSchema,
  },
  'documents.upload': {
    request: z.object({ files: z.array(uploadFileSchema).min(1).max(1000) }).strict(),
    response: jobSchema,
  },
  'documents.list': { request: noParams, response: z.object({ documents: z.array(documentRecordSchema) }) },
  'documents.text': {
    request: z.object({ documentId: z.string().min(1) }).strict(),
    response: documentTextSchema,
  },
  /**
   * The document's text as hashed token features (PII scrubbed, feature-extractor version named):
   * what a tender decision carries to the hub to train on, never the text itself.
   */
  'documents.features': {
    request: z.object({ documentId: z.string().min(1) }).strict(),
    response: z.object({ features: decisionFeaturesSchema }),
  },
  /**
   * What a learned relevance model makes of documents' text: P(relevant) and the words that pushed it
   * most, computed where the text is (the same shared code as `screen --model`). Documents whose text
   * is not read yet are listed in `unread`.
   */
  'tenders.learned': {
    request: z
      .object({ model: relevanceModelSchema, documentIds: z.array(z.string().min(1)).max(100_000) })
      .strict(),
    response: z.object({
      results: z.array(
        z.object({
          documentId: z.string(),
          relevant: z.boolean(),
          probability: z.number().min(0).max(1),
          top: z.array(z.tuple([z.string(), z.number()])),
        }),
      ),
      unread: z.array(z.string()),
    }),
  },
  'documents.page': {
    request: z
      .object({
        documentId: z.string().min(1),
        page: z.number().int().positive(),
        width: z.number().int().min(100).max(4000).optional(),
      })
      .strict(),
    response: z.object({
      page: z.number().int().positive(),
      width: z.number().int().positive(),
      height: z.number().int().positive(),
      mediaType: z.literal('image/png'),
      dataBase64: z.string(),
    }),
  },
  'documents.extract': {
    request: z
      .object({
        documentIds: z.array(z.string().min(1)).min(1).max(100_000),
        mode: extractionModeSchema.optional(),
        langs: ocrLanguagesSchema.optional(),
      })
      .strict(),
    response: jobSchema,
  },
  /**
   * Removes the tenant's records; a content blob goes only when no other record of the tenant has
   * the same sha256 (cached text stays: it is keyed by hash). `removed` lists the ids that were
   * there; unknown ids are skipped. Fails with CONFLICT and `details.documentIds` (nothing removed)
   * while any of them is being read: cancel its job first. Sends documents.changed.
   */
  'documents.remove': {
    request: z.object({ documentIds: z.array(z.string().min(1)).min(1).max(100_000) }).strict(),
    response: z.object({ removed: z.array(z.string()) }),
  },
  /**
   * A user's choice of the document's type (which desk it goes to); the change is kept on the
   * record with who made it and when. Sends documents.changed and tenders.changed.
   */
  'documents.setType': {
    request: z
      .object({
        documentId: z.string().min(1),
        type: docTypeSchema,
        by: z.string().trim().min(1).max(200).optional(),
      })
      .strict(),
    response: documentRecordSchema,
  },
  'jobs.list': { request: noParams, response: z.object({ jobs: z.array(jobSchema) }) },
  'jobs.cancel': { request: z.object({ jobId: z.string().min(1) }).strict(), response: jobSchema },
  /** Drops the tenant's finished (done, failed, cancelled) jobs from the list; queued and running ones stay. */
  'jobs.clear': {
    request: noParams,
    response: z.object({ cleared: z.number().int().nonnegative(), jobs: z.array(jobSchema) }),
  },
  'scanners.ports': { request: noParams, response: scannerPortsSchema },
  'scanners.list': { request: noParams, response: z.object({ devices: z.array(scannerDeviceSchema) }) },
  'scanners.connect': { request: scannerProfileSchema.strict(), response: scannerDeviceSchema },
  'scanners.disconnect': {
    request: z.object({ path: z.string().min(1) }).strict(),
    response: z.object({ path: z.string() }),
  },
  /** Typed data (GS may be spelled <GS>, {GS} or \x1D) read as if scanned; nothing is logged or linked. */
  'scanners.test': {
    request: z.object({ data: z.string().min(1).max(4096) }).strict(),
    response: scanTestResultSchema,
  },
  /** A keyboard-wedge burst the renderer recognised: read, logged and broadcast like a serial scan. */
  'scanners.wedge': { request: wedgeRequestSchema, response: wedgeResponseSchema },
  /** Fails with INVALID_INPUT and `details.position` when the data is not valid GS1. */
  'gs1.parse': {
    request: z.object({ data: z.string().min(1).max(4096) }).strict(),
    response: gs1ResultSchema,
  },
  /** Reads the document's COA table and judges it against the given specification (review without one). */
  'qc.check': { request: qcCheckRequestSchema, response: coaReportSchema },
  ...deskMetricsMethods,
  ...bulkMethods,
  /** The current tenant's hub connection, token included (the sync worker needs it); null if unset. */
  'sync.credentials.get': { request: noParams, response: syncCredentialsSchema.nullable() },
  /** Fails with ENCRYPTION_UNAVAILABLE in the desktop app when the OS cannot encrypt the token. */
  'sync.credentials.set': { request: syncCredentialsSchema.strict(), response: syncCredentialsSavedSchema },
  'sync.credentials.clear': { request: noParams, response: z.object({ cleared: z.boolean() }) },
  'tenders.profiles.list': {
    request: noParams,
    response: z.object({ profiles: z.array(profileSummarySchema) }),
  },
  /**
   * Fails with INVALID_INPUT and `details.errors` (JSON paths). A profile of the same name is kept
   * and the text saved as its next version only with `replace` or a matching `expectedVersion`;
   * otherwise it fails with CONFLICT and `details: { exists: true, name, version }` (the current
   * version) so the UI can ask. Text identical to the current version saves nothing new.
   */
  'tenders.profiles.save': { request: profileSaveRequestSchema, response: profileSummarySchema },
  /** Removes the profile with every version. */
  'tenders.profiles.remove': {
    request: z.object({ name: z.string().min(1).max(200) }).strict(),
    response: z.object({ removed: z.boolean() }),
  },
  /** Every stored version of a profile, newest first; NOT_FOUND for an unknown name. */
  'tenders.profiles.versions': {
    request: z.object({ name: z.string().min(1).max(200) }).strict(),
    response: profileVersionsSchema,
  },
  /**
   * Makes an earlier version current by saving its text as a new version, so no history is lost;
   * NOT_FOUND for an unknown name or version.
   */
  'tenders.profiles.restore': {
    request: z.object({ name: z.string().min(1).max(200), version: z.number().int().positive() }).strict(),
    response: profileSummarySchema,
  },
  /** One row per document of the tenant, screened against every profile (cached per profile set). */
  /**
   * Documents typed coa, specification, msds or invoice are not screened: they are listed in
   * `notScreened` with their type instead of as rows.
   */
  'tenders.results': {
    request: noParams,
    response: z.object({
      rows: z.array(screeningRowSchema),
      notScreened: z
        .array(z.object({ documentId: z.string(), name: z.string(), type: docTypeSchema }))
        .optional(),
    }),
  },
  'tenders.detail': {
    request: z.object({ documentId: z.string().min(1).max(200) }).strict(),
    response: screeningDetailSchema,
  },
  'tenders.export': { request: screeningExportRequestSchema, response: screeningExportSchema },
  ...usersMethods,
  ...storeMethods,
  ...ocrSettingsMethods,
  ...tendersTemplateMethods,
} as const satisfies Record<MethodName, MethodSpec>

export const events = {
  'jobs.progress': jobSchema,
  'documents.changed': z.object({ tenantId: tenantIdSchema }),
  'scanners.scan': scanSchema,
  'scanners.status': scannerStatusSchema,
  'scanners.error': scannerErrorSchema,
  'scanners.ports': scannerPortsSchema,
  'tenders.changed': z.object({ tenantId: tenantIdSchema }),
} as const satisfies Record<EventName, z.ZodType>

export type Methods = typeof methods
export type MethodParams<M extends MethodName> = z.input<Methods[M]['request']>
export type MethodResult<M extends MethodName> = z.output<Methods[M]['response']>
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>
