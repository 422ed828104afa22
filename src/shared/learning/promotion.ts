/** A candidate replaces the current model only when it is better by this much on the same validation split. */
export const PROMOTION_MARGIN = 0.01

export interface PromotionDecision {
  promoted: boolean
  reason: string
}

/**
 * The promotion rule the desk's `train` and the hub's registry share: a candidate with nothing to
 * beat is promoted; otherwise it must beat the current model's score on the candidate's own
 * validation split by PROMOTION_MARGIN. `measure` names the figure compared (F1, accuracy).
 */
export function decidePromotion(
  validationSize: number,
  measure: string,
  candidate: number,
  currentVersion: string | undefined,
  current: number | undefined,
): PromotionDecision {
  if (validationSize === 0) {
    return {
      promoted: false,
      reason: 'no document fell in the validation split, so the candidate cannot be scored',
    }
  }
  const figure = (x: number) => x.toFixed(3)
  if (current === undefined) {
    return { promoted: true, reason: `no current model; validation ${measure} ${figure(candidate)}` }
  }
  if (candidate >= current + PROMOTION_MARGIN) {
    return {
      promoted: true,
      reason: `validation ${measure} ${figure(candidate)} beats ${currentVersion} (${figure(current)}) by at least ${PROMOTION_MARGIN}`,
    }
  }
  return {
    promoted: false,
    reason: `validation ${measure} ${figure(candidate)} does not beat ${currentVersion} (${figure(current)}) by ${PROMOTION_MARGIN}; kept the current model`,
  }
}
