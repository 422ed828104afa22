import type { DocumentRecord, TenantId } from '../../../shared/contract'
import { tenderDecisionSchema, type TenderDecision } from '../../../shared/sync/kinds'
import { openTenantDb, recordChange } from '../../db'

export interface QuickDecisionInput {
  document: DocumentRecord
  decision: TenderDecision['decision']
  tenderId: string
  reason: string
  actor: string
}

/**
 * A tender relevance decision as ground truth: the entity, its audit entry and a `tender.decision`
 * outbox row in one transaction. The payload is checked against the hub's own schema first, so a
 * row that the hub would refuse never enters the outbox.
 */
export async function recordTenderDecision(tenant: TenantId, input: QuickDecisionInput): Promise<void> {
  const reason = input.reason.trim()
  const payload = tenderDecisionSchema.parse({
    documentId: input.document.id,
    documentHash: input.document.sha256,
    tenderId: input.tenderId.trim() || input.document.name,
    decision: input.decision,
    ...(reason === '' ? {} : { reason }),
    decidedBy: input.actor.trim(),
    decidedAt: new Date().toISOString(),
  })
  const db = await openTenantDb(tenant)
  try {
    await recordChange(db, {
      table: 'decisions',
      action: 'create',
      actor: payload.decidedBy,
      entity: {
        kind: 'tender.relevance',
        subjectId: payload.documentId,
        value: { decision: payload.decision, tenderId: payload.tenderId },
        ...(payload.reason === undefined ? {} : { reason: payload.reason }),
      },
      outbox: { kind: 'tender.decision', payload },
    })
  } finally {
    db.close()
  }
}
