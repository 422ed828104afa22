import { create } from 'zustand'
import type { TenantId } from '../../../../shared/contract'
import type { LearnedVerdict } from '../../../../shared/learning'

/** The hub's confidence threshold (RETRAIN_CONFIDENCE_THRESHOLD): below it, a person decides. */
export const DEFAULT_REVIEW_THRESHOLD = 0.85

/** The relevance model this desk runs now, as verified when it was loaded. */
export interface LearnedModelInfo {
  version: string
  source: 'hub' | 'file'
  channel: 'green' | 'blue' | 'stable' | null
  /** The version kept to fall back on, if any. */
  previous: string | null
}

interface LearnedState {
  /** The tenant whose model and threshold these are. */
  tenantId: TenantId | null
  model: LearnedModelInfo | null
  /** What the last look at the hub (or at the stored model) found, in words for the page. */
  status: { state: string; message: string } | null
  /** Per document id: what the model makes of the document. */
  verdicts: Record<string, LearnedVerdict>
  threshold: number
  error: string | null
}

const EMPTY: LearnedState = {
  tenantId: null,
  model: null,
  status: null,
  verdicts: {},
  threshold: DEFAULT_REVIEW_THRESHOLD,
  error: null,
}

export const useLearnedStore = create<LearnedState>()(() => ({ ...EMPTY }))

export function resetLearned(): void {
  useLearnedStore.setState({ ...EMPTY })
}

/** How sure the model is of its own verdict, either way: max(p, 1 − p). */
export const confidenceOf = (probability: number): number => Math.max(probability, 1 - probability)
