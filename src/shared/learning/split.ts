import { fnv1a } from './features'

/** The share of ground truth kept out of training to score every candidate model on. */
export const VALIDATION_SHARE = 0.2

/**
 * Whether a record belongs to the validation split. Decided by a hash of the record's own id only,
 * so a record never moves between train and validation as more data arrives, and the hub and every
 * desk agree without sharing state.
 */
export function isValidation(recordId: string, share = VALIDATION_SHARE): boolean {
  return fnv1a(`split-v1:${recordId}`) % 10_000 < share * 10_000
}

export function splitRecords<T>(
  records: readonly T[],
  idOf: (record: T) => string,
): { train: T[]; validation: T[] } {
  const train: T[] = []
  const validation: T[] = []
  for (const record of records) (isValidation(idOf(record)) ? validation : train).push(record)
  return { train, validation }
}
