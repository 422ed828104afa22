import type { TenantId } from '../../../shared/contract'
import { fieldCorrectionSchema, tenderDecisionSchema } from '../../../shared/sync/kinds'
import { openTenantDb, recordChange, recordLocalChange } from '../../db'
import type { TenderDecisionValue } from './types'

export const TENDER_DECISION_KIND = 'tender.relevance'
export const FIELD_CORRECTION_KIND = 'field.correction'

export interface TenderDecisionInput {
  documentId: string
  sha256: string
  /** The bid number when one was read, else the document's name. */
  tenderId: string
  decision: TenderDecisionValue
  reason: string
  actor: string
}

/**
 * Relevant / not relevant are ground truth: entity, audit entry and a `tender.decision` outbox row in
 * one transaction, the payload checked against the hub's own schema first. "Needs review" is not a
 * verdict the hub can learn from, so it stays in the local audit trail only.
 */
export async function recordTenderDecision(tenant: TenantId, input: TenderDecisionInput): Promise<void> {
  const reason = input.reason.trim()
  const actor = input.actor.trim()
  const decidedAt = new Date().toISOString()
  const entity = {
    kind: TENDER_DECISION_KIND,
    subjectId: input.documentId,
    value: { decision: input.decision, tenderId: input.tenderId, decidedAt },
    ...(reason === '' ? {} : { reason }),
  }
  const db = await openTenantDb(tenant)
  try {
    if (input.decision === 'needs-review') {
      await recordLocalChange(db, { table: 'decisions', action: 'create', actor, entity })
      return
    }
    const payload = tenderDecisionSchema.parse({
      documentId: input.documentId,
      documentHash: input.sha256,
      tenderId: input.tenderId,
      decision: input.decision === 'relevant' ? 'relevant' : 'irrelevant',
      ...(reason === '' ? {} : { reason }),
      decidedBy: actor,
      decidedAt,
    })
    await recordChange(db, {
      table: 'decisions',
      action: 'create',
      actor,
      entity,
      outbox: { kind: 'tender.decision', payload },
    })
  } finally {
    db.close()
  }
}

export interface FieldCorrectionInput {
  documentId: string
  sha256: string
  field: string
  /** As extracted: the text on the page and its normalised form; kept beside the correction. */
  original: { value: string; normalised: string }
  correctedValue: string
  /** The extractor's confidence 0..1 in the value it read. */
  confidence: number
  modelVersion: string
  reason: string
  actor: string
}

/** A field correction keeps the original value, so the hub can measure the extractor against people. */
export async function recordFieldCorrection(tenant: TenantId, input: FieldCorrectionInput): Promise<void> {
  const reason = input.reason.trim()
  const actor = input.actor.trim()
  const payload = fieldCorrectionSchema.parse({
    documentId: input.documentId,
    documentHash: input.sha256,
    field: input.field,
    originalValue: input.original,
    correctedValue: input.correctedValue.trim(),
    modelVersion: input.modelVersion,
    confidence: Math.min(1, Math.max(0, input.confidence)),
    correctedBy: actor,
    correctedAt: new Date().toISOString(),
  })
  const db = await openTenantDb(tenant)
  try {
    await recordChange(db, {
      table: 'decisions',
      action: 'create',
      actor,
      entity: {
        kind: FIELD_CORRECTION_KIND,
        subjectId: input.documentId,
        value: {
          field: input.field,
          originalValue: input.original.value,
          correctedValue: payload.correctedValue,
          correctedAt: payload.correctedAt,
        },
        ...(reason === '' ? {} : { reason }),
      },
      outbox: { kind: 'field.correction', payload },
    })
  } finally {
    db.close()
  }
}
