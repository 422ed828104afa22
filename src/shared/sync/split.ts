import { sha256Hex } from '../crypto'

export type Split = 'train' | 'validation'

/** Percent of documents that go to training; the rest validate. */
export const TRAIN_PERCENT = 80

/**
 * A document's bucket (0-99) depends only on its id, so it never moves between splits as data grows,
 * and every record about one document lands on the same side (no leakage from train to validation).
 */
export function splitBucket(splitKey: string): number {
  return parseInt(sha256Hex(splitKey).slice(0, 8), 16) % 100
}

export function splitOf(splitKey: string): Split {
  return splitBucket(splitKey) < TRAIN_PERCENT ? 'train' : 'validation'
}
