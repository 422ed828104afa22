/**
 * Turns a document's text into the hashed token features the learners train on. The hub receives
 * these instead of the text, so PII is scrubbed first and the words themselves never leave the desk
 * (a hash index cannot be read back into a word without the document).
 *
 * Deterministic and versioned: a model records the extractor it was trained with, and a desk refuses
 * a model whose extractor it does not run.
 */
export const FEATURE_EXTRACTOR = { name: 'hashed-tokens', version: 1, dimensions: 4096 } as const
export const FEATURE_EXTRACTOR_ID = `${FEATURE_EXTRACTOR.name}-v${FEATURE_EXTRACTOR.version}-${FEATURE_EXTRACTOR.dimensions}`

/** One non-zero feature: its hash index and signed, normalised weight. */
export type SparseFeatures = [index: number, value: number][]

// Each pattern is PII a tender or COA may carry (people, accounts, ids) and that a model must not learn.
const PII_PATTERNS: RegExp[] = [
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, // e-mail
  /\b[a-z]{5}\d{4}[a-z]\b/giu, // PAN
  /\b\d{2}[a-z]{5}\d{4}[a-z][1-9a-z]z[0-9a-z]\b/giu, // GSTIN
  /\b\d{4}[\s-]?\d{4}[\s-]?\d{4}\b/gu, // Aadhaar-like 12 digits
  /(?:\+91[\s-]?|\b0)?\b[6-9]\d{4}[\s-]?\d{5}\b/gu, // Indian mobile
  /\b0\d{2,4}[\s-]\d{6,8}\b/gu, // landline with STD code
]

/** The text with e-mails, phone numbers and PAN/GSTIN/Aadhaar-like ids removed. */
export function scrubPii(text: string): string {
  return PII_PATTERNS.reduce((t, pattern) => t.replace(pattern, ' '), text)
}

const STOPWORDS = new Set(
  'the of and to in for a an is be by on or at as with this that from are will any all shall which not its it per no'.split(
    ' ',
  ),
)

/**
 * Words of two letters or more, lower-cased and NFKC-folded. Digits are left out: bid numbers, dates
 * and amounts differ on every document and would only teach the model to remember documents.
 */
export function tokens(text: string): string[] {
  const words = scrubPii(text.normalize('NFKC').toLowerCase()).match(/[\p{L}\p{M}]{2,}/gu) ?? []
  return words.filter((w) => !STOPWORDS.has(w))
}

/** FNV-1a, 32 bit: fast, stable across platforms and versions, which is all feature hashing needs. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** The hash slot and sign of a term; the sign halves collision bias. */
export function slotOf(term: string): { index: number; sign: 1 | -1 } {
  const hash = fnv1a(term)
  return { index: hash % FEATURE_EXTRACTOR.dimensions, sign: hash & 0x80000000 ? -1 : 1 }
}

/**
 * The terms counted for a text: its words. Word pairs and four-letter pieces were tried and scored
 * worse on bids from buyers and wording the model had not seen (they learn the template, not the item).
 */
export function terms(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const word of tokens(text)) counts.set(word, (counts.get(word) ?? 0) + 1)
  return counts
}

/** One term's share of the features: its slot and its signed value on the features' scale. */
export interface ScaledTerm {
  term: string
  index: number
  value: number
}

/**
 * Sub-linear term frequency (1 + ln tf) hashed into slots, then scaled to unit length; with each
 * term's part of it, so a model's weights can say which words moved a score.
 */
export function scaledTerms(text: string): { features: SparseFeatures; terms: ScaledTerm[] } {
  const slots = new Map<number, number>()
  const parts: ScaledTerm[] = []
  for (const [term, count] of terms(text)) {
    const { index, sign } = slotOf(term)
    const value = sign * (1 + Math.log(count))
    slots.set(index, (slots.get(index) ?? 0) + value)
    parts.push({ term, index, value })
  }
  const norm = Math.sqrt([...slots.values()].reduce((sum, v) => sum + v * v, 0)) || 1
  return {
    features: [...slots.entries()].sort((a, b) => a[0] - b[0]).map(([index, v]) => [index, v / norm]),
    terms: parts.map((p) => ({ ...p, value: p.value / norm })),
  }
}

export function hashedFeatures(text: string): SparseFeatures {
  return scaledTerms(text).features
}

/** The terms that pushed a score most under `weights` (one per slot, as the model has them). */
export function topTerms(
  terms: readonly ScaledTerm[],
  weights: readonly number[],
  keep: (contribution: number) => boolean,
  topN: number,
): [string, number][] {
  return terms
    .map(
      ({ term, index, value }) =>
        [term, Math.round((weights[index] ?? 0) * value * 1000) / 1000] as [string, number],
    )
    .filter(([, contribution]) => keep(contribution))
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0].localeCompare(b[0]))
    .slice(0, topN)
}
