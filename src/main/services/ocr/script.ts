import type { BBox, PageText, Word } from '../../../shared/document-text/schema'
import { withWords } from './pageWords'

/**
 * Whether a page read with English alone holds another script, Devanagari on India's bilingual
 * forms (GeM prints every label in Hindi and English). English models make Hindi into short Latin
 * words they are unsure of ("fas", "faaxor", "HATTA/ASA"), so the share of letters-only words under
 * 40 % confidence tells such a page from an English one, even a poor scan of one: measured on
 * generated first pages, 13–19 % on bilingual GeM pages, at most 3.4 % on English notices scanned
 * at 150–300 dpi with skew and speckle.
 */
export const OTHER_SCRIPT_SHARE = 0.08

export function unsureLatinShare(page: Pick<PageText, 'words'>): number {
  if (page.words.length === 0) return 0
  let unsure = 0
  for (const w of page.words) if (w.confidence < 40 && /^[A-Za-z/]+$/.test(w.text)) unsure++
  return unsure / page.words.length
}

/** Devanagari letters and vowel signs; not its digits or dandas, which eng+hin also makes of Latin marks. */
const DEVANAGARI_LETTER = /[\u0900-\u0963\u0970-\u097f]/

function overlap(a: BBox, b: BBox): number {
  const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0])
  const h = Math.min(a[3], b[3]) - Math.max(a[1], b[1])
  if (w <= 0 || h <= 0) return 0
  const area = (x: BBox) => Math.max(1, (x[2] - x[0]) * (x[3] - x[1]))
  return (w * h) / Math.min(area(a), area(b))
}

/**
 * A bilingual page from its two readings: the eng+hin reading's Devanagari words, and for every
 * other word the reading the engine was surer of. eng+hin reads the Hindi but now and then turns an
 * English word beside it into Devanagari marks ("Item" as "[[९॥1"), or a figure into another.
 * Words keep the eng+hin reading's lines and blocks; a word without Devanagari letters takes
 * English's word (text, box, confidence) when English read inside the same box (half of the smaller
 * box shared) with more confidence.
 */
export function mergeReadings(english: PageText, bilingual: PageText): PageText {
  const words = bilingual.words.map((w) => {
    if (DEVANAGARI_LETTER.test(w.text)) return w
    let best: Word | undefined
    let bestOverlap = 0
    for (const e of english.words) {
      const o = overlap(w.bbox, e.bbox)
      if (o > bestOverlap) {
        best = e
        bestOverlap = o
      }
    }
    return best && bestOverlap >= 0.5 && best.confidence > w.confidence
      ? { ...w, text: best.text, confidence: best.confidence, bbox: best.bbox }
      : w
  })
  return withWords(bilingual, words)
}
