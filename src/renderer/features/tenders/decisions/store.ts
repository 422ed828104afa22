import { z } from 'zod'
import { create } from 'zustand'
import type { TenantId } from '../../../../shared/contract'
import { openTenantDb } from '../../../db'
import { FIELD_CORRECTION_KIND, TENDER_DECISION_KIND } from './record'
import { DECISIONS, type CorrectionSummary, type DecisionSummary } from './types'

interface DecisionsState {
  tenantId: TenantId | null
  /** The latest decision per document id. */
  decisions: Record<string, DecisionSummary>
  /** Corrections per document id, then per field (latest wins). */
  corrections: Record<string, Record<string, CorrectionSummary>>
}

export const useDecisionsStore = create<DecisionsState>()(() => ({
  tenantId: null,
  decisions: {},
  corrections: {},
}))

export function resetDecisions(): void {
  useDecisionsStore.setState({ tenantId: null, decisions: {}, corrections: {} })
}

const decisionValue = z.object({ decision: z.enum(DECISIONS), decidedAt: z.string().optional() })
const correctionValue = z.object({
  field: z.string(),
  originalValue: z.string(),
  correctedValue: z.string(),
  correctedAt: z.string().optional(),
  boxes: z
    .array(
      z.object({
        page: z.number().int().positive(),
        bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
      }),
    )
    .optional(),
})

/** Reads the tenant's decisions and corrections back from the local store (ids sort by creation). */
export async function loadDecisions(tenantId: TenantId): Promise<void> {
  const db = await openTenantDb(tenantId)
  try {
    const rows = await db.decisions.orderBy('id').toArray()
    const decisions: Record<string, DecisionSummary> = {}
    const corrections: Record<string, Record<string, CorrectionSummary>> = {}
    for (const row of rows) {
      if (row.kind === TENDER_DECISION_KIND) {
        const v = decisionValue.safeParse(row.value)
        if (!v.success) continue
        decisions[row.subjectId] = {
          decision: v.data.decision,
          ...(row.reason ? { reason: row.reason } : {}),
          decidedBy: row.createdBy,
          decidedAt: v.data.decidedAt ?? row.createdAt,
        }
      } else if (row.kind === FIELD_CORRECTION_KIND) {
        const v = correctionValue.safeParse(row.value)
        if (!v.success) continue
        corrections[row.subjectId] ??= {}
        corrections[row.subjectId]![v.data.field] = {
          field: v.data.field,
          originalValue: v.data.originalValue,
          correctedValue: v.data.correctedValue,
          ...(row.reason ? { reason: row.reason } : {}),
          correctedBy: row.createdBy,
          correctedAt: v.data.correctedAt ?? row.createdAt,
          ...(v.data.boxes ? { boxes: v.data.boxes } : {}),
        }
      }
    }
    useDecisionsStore.setState({ tenantId, decisions, corrections })
  } finally {
    db.close()
  }
}
