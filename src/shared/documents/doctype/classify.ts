import {
  COA_HEADER_WEIGHT,
  HEADER_WINDOW,
  HEADER_WORDS,
  LIMIT_WORDS,
  PHRASE_CUES,
  RESULT_WORDS,
  SPEC_HEADER_WEIGHT,
} from './cues'
import type { DocType, DocTypeCue, DocTypeResult, DocumentClassifier } from './types'

export const CUE_CLASSIFIER_ID = 'doctype-cues/1'

/** Below this, nothing pointed anywhere with conviction: the document is `other`. */
export const MIN_SCORE = 4

/** Reading more of a 200-page tender would not change its type, only the time taken. */
const MAX_CHARS = 200_000

const WORD = /[a-z]+/g

/** Table headers, found as words close together on one line (OCR and text layers break lines differently). */
function headerCues(lines: readonly string[]): DocTypeCue[] {
  let coa: string | null = null
  let spec: string | null = null
  for (const line of lines) {
    const words = line.match(WORD) ?? []
    for (let start = 0; start < words.length && !(coa && spec); start++) {
      const window = words.slice(start, start + HEADER_WINDOW)
      const header = new Set(window.filter((w) => HEADER_WORDS.has(w)))
      const results = window.filter((w) => RESULT_WORDS.has(w))
      const quote = `"${window.slice(0, 8).join(' ')}${window.length > 8 ? ' …' : ''}"`
      if (!coa && results.length > 0 && header.size >= 2 && RESULT_WORDS.has(window[0] ?? '') === false)
        coa = quote
      if (!spec && results.length === 0 && header.size >= 2 && window.some((w) => LIMIT_WORDS.has(w))) {
        const hasMethodOrItem = window.some((w) =>
          /^(method|methods|test|tests|items|parameter|parameters)$/.test(w),
        )
        if (hasMethodOrItem) spec = quote
      }
    }
    if (coa && spec) break
  }
  const cues: DocTypeCue[] = []
  if (coa) cues.push({ type: 'coa', label: `a results table header ${coa}`, weight: COA_HEADER_WEIGHT })
  if (spec)
    cues.push({ type: 'specification', label: `a limits table header ${spec}`, weight: SPEC_HEADER_WEIGHT })
  return cues
}

function phraseCues(text: string): DocTypeCue[] {
  const cues: DocTypeCue[] = []
  for (const cue of PHRASE_CUES) {
    const count = text.match(cue.pattern)?.length ?? 0
    if (count === 0) continue
    const weight = Math.min(cue.cap ?? cue.weight, cue.weight + (count - 1) * (cue.extra ?? 0))
    cues.push({ type: cue.type, label: count > 1 ? `${cue.label} ×${count}` : cue.label, weight })
  }
  return cues
}

/**
 * Weighted cue words and table structure. Deterministic and explainable: the cues that decided are
 * returned with the type, so a user who disagrees can see why and change it.
 */
export function classifyByCues(raw: string): DocTypeResult {
  const clipped = raw.length > MAX_CHARS ? raw.slice(0, MAX_CHARS) : raw
  const lower = clipped.toLowerCase()
  const lines = lower.split(/\r?\n|\f/)
  const text = lower.replace(/[ \t]+/g, ' ')
  const cues = [...phraseCues(text), ...headerCues(lines)]

  const scores: Record<DocType, number> = {
    tender: 0,
    coa: 0,
    specification: 0,
    msds: 0,
    invoice: 0,
    other: 0,
  }
  for (const cue of cues) scores[cue.type] += cue.weight
  // A results column is what separates a certificate from the specification it is checked against.
  if (cues.some((c) => c.type === 'coa' && c.weight === COA_HEADER_WEIGHT)) scores.specification *= 0.5

  const ranked = (['tender', 'coa', 'specification', 'msds', 'invoice'] as const)
    .map((type) => ({ type, score: scores[type] }))
    .sort((a, b) => b.score - a.score)
  const best = ranked[0]!
  const second = ranked[1]!
  const byWeight = (a: DocTypeCue, b: DocTypeCue) => b.weight - a.weight || a.label.localeCompare(b.label)
  if (best.score < MIN_SCORE) {
    return {
      type: 'other',
      confidence: round(1 - best.score / MIN_SCORE),
      cues: cues.sort(byWeight),
      classifier: CUE_CLASSIFIER_ID,
    }
  }
  // Saturates with evidence, and shrinks as the runner-up closes in.
  const strength = 1 - Math.exp(-best.score / 6)
  const margin = (best.score - second.score) / best.score
  return {
    type: best.type,
    confidence: round(strength * margin),
    cues: cues.filter((c) => c.type === best.type).sort(byWeight),
    classifier: CUE_CLASSIFIER_ID,
  }
}

const round = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 100) / 100

export const cueClassifier: DocumentClassifier = { id: CUE_CLASSIFIER_ID, classify: classifyByCues }
