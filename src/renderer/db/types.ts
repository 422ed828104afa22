import type { TenantId } from '../../shared/contract/schemas'
import type { AuditEntry, JsonValue } from '../../shared/audit'
import type { CoaRecord, LayoutTemplateRow, SamplingRow, Signer, SpecificationRow } from './qc-types'

export type * from './qc-types'

// Type aliases rather than interfaces: interfaces have no implicit index signature, so they
// would not be assignable to JsonValue when snapshotted into audit entries and outbox payloads.

/** Stamped by the store on every entity; callers never set these. */
export type BaseEntity = {
  /** UUIDv7, so ids sort by creation. */
  id: string
  tenant: TenantId
  createdAt: string
  updatedAt: string
  createdBy: string
}

/** The desk's own notes about an imported document (the document itself lives on the Node side). */
export type DocumentNote = BaseEntity & {
  documentId: string
  note: string
  /** Added in schema v2; v1 rows are backfilled with []. */
  tags: string[]
}

/**
 * Any user decision. Features give `kind` a namespaced meaning ('tender.relevance',
 * 'coa.approval', 'field.correction', 'scan.link') and put their specifics in `value`.
 */
export type Decision = BaseEntity & {
  kind: string
  subjectId: string
  value: JsonValue
  reason?: string
}

export type AuditRow = AuditEntry & { tenant: TenantId }

export type OutboxState = 'pending' | 'sent'

export type OutboxRow = {
  /** UUIDv7; doubles as the idempotency key the hub stores once. */
  id: string
  tenant: TenantId
  kind: string
  entityTable: string
  entityId: string
  payload: JsonValue
  createdAt: string
  state: OutboxState
  attempts: number
  lastError?: string
  sentAt?: string
}

export type MetaRow = { key: string; value: JsonValue }

/**
 * A learned model the desk runs (schema v4). `model` is the artefact exactly as verified: its
 * sha256 was checked before the row was written, and is checked again by whoever loads it.
 */
export type ModelRow = {
  slot: 'relevance:current' | 'relevance:previous'
  version: string
  sha256: string
  /** Where it came from: the tenant's hub (with its rollout channel) or a file trained on the desk. */
  source: 'hub' | 'file'
  channel: 'green' | 'blue' | 'stable' | null
  model: JsonValue
  storedAt: string
}

/** The tables recordChange may write; audit, outbox and meta are written only by the store. */
export type EntityTables = {
  documents: DocumentNote
  decisions: Decision
  specifications: SpecificationRow
  coaRecords: CoaRecord
  signers: Signer
  samplings: SamplingRow
  layoutTemplates: LayoutTemplateRow
}
export type EntityTableName = keyof EntityTables
export const ENTITY_TABLE_NAMES = [
  'documents',
  'decisions',
  'specifications',
  'coaRecords',
  'signers',
  'samplings',
  'layoutTemplates',
] as const satisfies readonly EntityTableName[]
