export const DECISIONS = ['relevant', 'not-relevant', 'needs-review'] as const
export type TenderDecisionValue = (typeof DECISIONS)[number]

export const DECISION_LABELS: Record<TenderDecisionValue, string> = {
  relevant: 'Relevant',
  'not-relevant': 'Not relevant',
  'needs-review': 'Needs review',
}

/** The latest decision about one document. */
export interface DecisionSummary {
  decision: TenderDecisionValue
  reason?: string
  decidedBy: string
  decidedAt: string
}

export interface CorrectionSummary {
  field: string
  originalValue: string
  correctedValue: string
  reason?: string
  correctedBy: string
  correctedAt: string
  /** Where the analyst found the value on the page (fields picked from the page's words). */
  boxes?: { page: number; bbox: [number, number, number, number] }[]
}
