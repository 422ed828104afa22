import type { TenantId } from '../../../../shared/contract'
import {
  fieldCorrectionSchema,
  tenderDecisionSchema,
  type DecisionFeatures,
  type TenderDecision,
} from '../../../../shared/sync/kinds'
import { openTenantDb, recordChange } from '../../../db'
import type { PageBox } from '../evidence/pick'
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
  /** The document's hashed token features, so the hub can learn from the decision (never the text). */
  features?: DecisionFeatures
  /**
   * What the learned relevance model said before the analyst decided: the hub measures the model's
   * live accuracy and handover rate from these (per model version).
   */
  learned?: { modelVersion: string; probability: number }
}

// The desk says "not-relevant" where the hub's older wire value is "irrelevant"; a Record keeps the
// mapping exhaustive, so a new desk decision cannot reach the outbox unmapped.
const WIRE_DECISION: Record<TenderDecisionValue, TenderDecision['decision']> = {
  relevant: 'relevant',
  'not-relevant': 'irrelevant',
  'needs-review': 'needs-review',
}

/**
 * Every decision, "needs review" included, is written as entity, audit entry and a `tender.decision`
 * outbox row in one transaction, the payload checked against the hub's own schema first. "Needs
 * review" is not a relevance label, but the hub must still learn of it: otherwise an earlier
 * relevant / not relevant would look like the analyst's last word on the document.
 */
export async function recordTenderDecision(tenant: TenantId, input: TenderDecisionInput): Promise<void> {
  const reason = input.reason.trim()
  const actor = input.actor.trim()
  const decidedAt = new Date().toISOString()
  const payload = tenderDecisionSchema.parse({
    documentId: input.documentId,
    documentHash: input.sha256,
    tenderId: input.tenderId,
    decision: WIRE_DECISION[input.decision],
    ...(reason === '' ? {} : { reason }),
    ...(input.features ? { features: input.features } : {}),
    ...(input.learned
      ? {
          modelVersion: input.learned.modelVersion,
          learnedProbability: input.learned.probability,
          confidence: Math.max(input.learned.probability, 1 - input.learned.probability),
        }
      : {}),
    decidedBy: actor,
    decidedAt,
  })
  const db = await openTenantDb(tenant)
  try {
    await recordChange(db, {
      table: 'decisions',
      action: 'create',
      actor,
      entity: {
        kind: TENDER_DECISION_KIND,
        subjectId: input.documentId,
        value: { decision: input.decision, tenderId: input.tenderId, decidedAt },
        ...(reason === '' ? {} : { reason }),
      },
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
  /**
   * As extracted: the text on the page and its normalised form; kept beside the correction. Null
   * when the extractor read nothing for the field (the analyst added it from the page).
   */
  original: { value: string; normalised: string } | null
  correctedValue: string
  /** The extractor's confidence 0..1 in the value it read. */
  confidence: number
  modelVersion: string
  reason: string
  actor: string
  /** Where the analyst found the value: the boxes of the words they picked on the page. */
  evidence?: PageBox[]
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
          originalValue: input.original?.value ?? '',
          correctedValue: payload.correctedValue,
          correctedAt: payload.correctedAt,
          ...(input.evidence && input.evidence.length > 0
            ? { boxes: input.evidence.map((b) => ({ page: b.page, bbox: [...b.bbox] })) }
            : {}),
        },
        ...(reason === '' ? {} : { reason }),
      },
      outbox: { kind: 'field.correction', payload },
    })
  } finally {
    db.close()
  }
}
