import type { BidTruth, BidValues } from './values'

/** One way a portal or buyer lays out a bid's first page. */
export interface BidLayout {
  name: string
  /** What the layout stands for, for the accuracy table. */
  description: string
  /** The document (first page carries the key fields) and the truth it was drawn with. */
  render(values: BidValues): Promise<{ pdf: Uint8Array; truth: BidTruth }>
}

export const MINISTRIES = [
  'Ministry of Heavy Industries',
  'Ministry of Petroleum and Natural Gas',
  'Ministry of Steel',
  'Ministry of Power',
  'Ministry of Railways',
  'Ministry of Jal Shakti',
] as const

export const STATES = ['Kerala', 'Gujarat', 'Rajasthan', 'Odisha', 'Maharashtra', 'Tamil Nadu'] as const

/** Boilerplate every notice carries below its key facts, so a page is not only fields. */
export const TERMS = [
  'Bidders shall upload scanned copies of all documents in support of eligibility criteria. Conditional bids are liable to be rejected.',
  'The purchaser reserves the right to accept or reject any or all bids without assigning any reason thereof.',
  'Delivery shall be made to the consignee stores within the period stated, failing which liquidated damages at half percent per week shall apply.',
  'Micro and Small Enterprises registered for the tendered item are exempted from payment of tender fee on submission of valid certificate.',
]
