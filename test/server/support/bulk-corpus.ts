import { textPdf } from '../../support/documents/textPdf'

/** What a generated file is, so a test can say what its terminal state must be. */
export type CorpusFile =
  | { name: string; bytes: Uint8Array; kind: 'bid'; relevant: boolean }
  | { name: string; bytes: Uint8Array; kind: 'duplicate'; of: string }
  | { name: string; bytes: Uint8Array; kind: 'corrupt' }

/** The profile the corpus is screened with: IT hardware is relevant, the rest is not. */
export const IT_PROFILE = {
  name: 'IT hardware',
  threshold: 1,
  terms: [
    { term: 'laptop', synonyms: ['notebook computer'], weight: 2 },
    { term: 'desktop computer', weight: 2 },
    { term: 'printer', weight: 1 },
  ],
}

const RELEVANT_ITEMS = ['Laptop 14 inch i5', 'Desktop Computer with monitor', 'Laser Printer A4 duplex']
const OTHER_ITEMS = [
  'Office Chair ergonomic',
  'Ambulance hiring services',
  'Diesel generator 125 kVA',
  'Cement OPC 53',
]
const BUYERS = ['Ministry of Railways', 'NTPC Limited', 'Indian Oil Corporation', 'AIIMS New Delhi', 'BSNL']

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function bidText(i: number, item: string, random: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!
  const day = 1 + Math.floor(random() * 27)
  return [
    'GeM Bid Document',
    `Bid Number: GEM/2026/B/${(4_000_000 + i).toString()}`,
    `Bid End Date/Time: ${String(day).padStart(2, '0')}-12-2026 15:00:00`,
    `Ministry/State Name: ${pick(BUYERS)}`,
    `Item Category: ${item}`,
    `Quantity: ${1 + Math.floor(random() * 500)}`,
    `EMD Amount: Rs. ${(10_000 + Math.floor(random() * 90_000)).toString()}`,
    'Bidders shall submit technical and financial bids online before the end date.',
  ].join('\n')
}

function corruptBytes(i: number, valid: Uint8Array, random: () => number): Uint8Array {
  switch (i % 4) {
    case 0: // a download cut short
      return valid.slice(0, Math.floor(valid.length / 3))
    case 1: // a portal's error page saved under a .pdf name
      return new TextEncoder().encode(`<html><body>Session expired ${i}</body></html>`)
    case 2: // a header and then noise
      return Uint8Array.from([
        ...new TextEncoder().encode('%PDF-1.7\n'),
        ...Array.from({ length: 600 }, () => Math.floor(random() * 256)),
      ])
    default: // a header and a trailer with nothing between
      return new TextEncoder().encode(`%PDF-1.4\n% export ${i} failed\n%%EOF\n`)
  }
}

/**
 * `count` files in a stable order: text-layer bids (a third relevant), with about `corruptShare`
 * of broken files and `duplicateShare` of byte-identical copies of earlier bids under new names.
 */
export async function bulkCorpus(
  count: number,
  options: { seed?: number; corruptShare?: number; duplicateShare?: number } = {},
): Promise<CorpusFile[]> {
  const random = mulberry32(options.seed ?? 20)
  const corruptEvery = Math.round(1 / (options.corruptShare ?? 0.1))
  const duplicateEvery = Math.round(1 / (options.duplicateShare ?? 0.1))
  const files: CorpusFile[] = []
  const bids: Array<{ name: string; bytes: Uint8Array }> = []
  for (let i = 0; i < count; i += 1) {
    const name = `bids/${String(Math.floor(i / 1000)).padStart(2, '0')}/bid-${String(i).padStart(5, '0')}.pdf`
    if (i % corruptEvery === corruptEvery - 1 && bids.length > 0) {
      files.push({ name, kind: 'corrupt', bytes: corruptBytes(i, bids[bids.length - 1]!.bytes, random) })
    } else if (i % duplicateEvery === duplicateEvery - 2 && bids.length > 0) {
      const original = bids[Math.floor(random() * bids.length)]!
      files.push({ name, kind: 'duplicate', of: original.name, bytes: original.bytes })
    } else {
      const relevant = random() < 1 / 3
      const item = relevant
        ? RELEVANT_ITEMS[i % RELEVANT_ITEMS.length]!
        : OTHER_ITEMS[i % OTHER_ITEMS.length]!
      const bytes = await textPdf(bidText(i, item, random))
      bids.push({ name, bytes })
      files.push({ name, kind: 'bid', relevant, bytes })
    }
  }
  return files
}
