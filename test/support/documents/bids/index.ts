import { seededRandom } from '../scan'
import type { BidLayout } from './layout'
import { corrigendum } from './layouts/corrigendum'
import { cpppGrid } from './layouts/cpppGrid'
import { gemBid } from './layouts/gemBid'
import { nitNotice } from './layouts/nitNotice'
import { psuEnquiry } from './layouts/psuEnquiry'
import { scheduleTable } from './layouts/scheduleTable'
import { drawValues, type BidTruth } from './values'

export type { BidLayout } from './layout'
export * from './values'

/**
 * The split, declared once. Field extraction is developed against DEVELOPMENT only; HELD_OUT
 * layouts are only ever scored (test/main/services/tenders/heldout.test.ts), so their figures say
 * how the extractor does on layouts it was not shaped on.
 */
export const DEVELOPMENT: readonly BidLayout[] = [gemBid, nitNotice, corrigendum]
export const HELD_OUT: readonly BidLayout[] = [cpppGrid, psuEnquiry, scheduleTable]

export interface GeneratedBid {
  id: string
  layout: string
  pdf: Uint8Array
  truth: BidTruth
}

/** `count` bids of one layout; the same seed gives the same documents and truth. */
export async function generateBids(layout: BidLayout, count: number, seed: number): Promise<GeneratedBid[]> {
  const random = seededRandom(seed)
  const out: GeneratedBid[] = []
  for (let i = 0; i < count; i++) {
    const { pdf, truth } = await layout.render(drawValues(random))
    out.push({ id: `${layout.name}-${i + 1}`, layout: layout.name, pdf, truth })
  }
  return out
}
