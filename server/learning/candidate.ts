import {
  binaryMetrics,
  isValidation,
  modelSha256,
  probabilityOf,
  trainRelevance,
  type BinaryMetrics,
  type LabelledExample,
  type RelevanceModel,
} from '../../src/shared/learning'

/** What training needs: no database, so it can run in a worker thread. */
export interface CandidateInput {
  examples: LabelledExample[]
  /** The version desks get now, to be scored on the candidate's validation split. */
  current: RelevanceModel | null
  now: string
}

export interface CandidateOutput {
  model: RelevanceModel
  sha256: string
  /** The current model's metrics on the candidate's validation split (null when there is none). */
  currentMetrics: BinaryMetrics | null
}

/** The current model's figures on exactly the documents the candidate was validated on. */
export function scoreOnValidation(
  model: RelevanceModel,
  examples: readonly LabelledExample[],
): BinaryMetrics {
  return binaryMetrics(
    examples
      .filter((e) => isValidation(e.id))
      .map((e) => ({ actual: e.relevant, probability: probabilityOf(model, e.features) })),
  )
}

/** Trains on the train split, scores the candidate and the current model on the validation split. */
export function trainCandidate(input: CandidateInput): CandidateOutput {
  const model = trainRelevance(input.examples, input.now)
  return {
    model,
    sha256: modelSha256(model),
    currentMetrics: input.current === null ? null : scoreOnValidation(input.current, input.examples),
  }
}
