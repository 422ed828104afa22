import { levenshtein } from './levenshtein'
import { normaliseWhitespace } from './normalise'

export interface CerResult {
  /** Edit distance / ground-truth length, both whitespace-normalised; 0 is perfect, may exceed 1. */
  cer: number
  distance: number
  referenceLength: number
}

export function characterErrorRate(hypothesis: string, reference: string): CerResult {
  const hyp = normaliseWhitespace(hypothesis)
  const ref = normaliseWhitespace(reference)
  const distance = levenshtein(hyp, ref)
  const referenceLength = Array.from(ref).length
  const cer = referenceLength === 0 ? (distance === 0 ? 0 : 1) : distance / referenceLength
  return { cer, distance, referenceLength }
}
