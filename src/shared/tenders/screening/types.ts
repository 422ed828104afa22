import type { BBox } from '../../document-text'
import type { MatchMode } from './profile'

/** One box on one page; a hit that runs over a line break has one per line. */
export interface PageBox {
  page: number
  bbox: BBox
}

/** One occurrence of a term in a document, with where it is on the page. */
export interface Hit {
  /** The profile term (its `term`), whichever synonym matched. */
  term: string
  /** The synonym or term text that matched. */
  variant: string
  mode: MatchMode
  /** The document's own words, as they read. */
  text: string
  page: number
  /** Union of the words' boxes on `page`. */
  bbox: BBox
  boxes: PageBox[]
  /** Word indexes into page.words, per page. */
  words: { page: number; indexes: number[] }[]
  /** 0..1: the words' OCR confidence, lowered by each edit a fuzzy match needed. */
  confidence: number
  /** Edits a fuzzy match needed after OCR-confusion mapping (0 for exact modes). */
  edits: number
}

export interface TermScore {
  term: string
  category?: string
  mode: MatchMode
  /** Signed: exclusions count against the score. */
  weight: number
  veto: boolean
  exclusion: boolean
  count: number
  pages: number[]
  /** weight × (1 + log2(count)): repeats add less and less, so one term cannot drown the rest. */
  points: number
  hits: Hit[]
}

export interface ProfileResult {
  profile: string
  category?: string
  threshold: number
  score: number
  relevant: boolean
  /** Why not relevant, in words ("vetoed by …", "missing required group …", "below threshold …"). */
  reasons: string[]
  vetoedBy: string[]
  missingGroups: string[]
  /** Every term that hit, best first: the explainable breakdown. */
  terms: TermScore[]
}
