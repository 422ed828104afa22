import type { CoaReportDto } from '../../shared/contract/qc'
import type { Specification } from '../../shared/qc/spec'
import type { LayoutTemplate } from '../../shared/qc/templates/schema'
import type { TenantId } from '../../shared/contract/schemas'
import type { StoredSamplingResult } from './qc-entities'

// QC entities (schema v3). Aliases rather than interfaces for the same reason as types.ts: rows
// are snapshotted into audit entries as JSON.

type Base = {
  id: string
  tenant: TenantId
  createdAt: string
  updatedAt: string
  createdBy: string
}

/** One version of a product specification. Rows are never edited: an edit adds the next version. */
export type SpecificationRow = Base & {
  product: string
  version: number
  spec: Specification
  /** specFingerprint: equal fingerprints mean the same content. */
  fingerprint: string
  source: 'import' | 'edit'
  /** The version this one was edited from. */
  previousId?: string
  fileName?: string
}

export type CoaStatus = 'awaiting-coa' | 'in-review' | 'approved' | 'rejected'
export type SignatureMeaning = 'reviewed' | 'approved' | 'rejected'

/** A reviewer's correction of a value read from the COA; the original is never overwritten. */
export type ValueEdit = {
  parameter: string
  original: string
  value: string
  reason: string
  by: string
  at: string
}

export type Signature = { signer: string; meaning: SignatureMeaning; at: string }

/** A label scanned for this batch: what was read, by which device, and the label's expiry. */
export type ScanLink = {
  scanId: string
  at: string
  data: string
  device: string
  expiry?: string
  gtin?: string
}

/** One archive or restore of a record, by an authorised signer, with the reason. */
export type ArchiveStep = {
  action: 'archived' | 'restored'
  by: string
  at: string
  reason: string
}

export type CoaRecord = Base & {
  batch: string
  product: string
  gtin?: string
  documentId?: string
  documentName?: string
  documentHash?: string
  specId?: string
  specVersion?: number
  status: CoaStatus
  /** The last check's report as it came back from qc.check (values as read; edits are separate). */
  report?: CoaReportDto
  checkedAt?: string
  /** Who ran the last check (absent on records checked before it was kept): an approver must differ. */
  checkedBy?: string
  edits: ValueEdit[]
  signatures: Signature[]
  scans: ScanLink[]
  /** Set while archived: the record is hidden from the list and from batch lookups, never erased. */
  archived?: ArchiveStep | null
  archiveLog?: ArchiveStep[]
}

export type Signer = Base & {
  name: string
  /** base64 PBKDF2-HMAC-SHA-256 of the PIN or password; the secret itself is never stored. */
  hash: string
  salt: string
  iterations: number
}

export type SamplingRow = Base & {
  coaRecordId?: string
  batch: string
  result: StoredSamplingResult
  /** Unit numbers marked picked (by scan or by hand), in the order they were picked. */
  picked: number[]
}

/**
 * A supplier's COA layout as a technician taught it (schema v5); the row's id is the template's.
 * Forgetting one deletes the row (the audit chain keeps what it was).
 */
export type LayoutTemplateRow = Base & {
  supplierKey: string
  template: LayoutTemplate
}
