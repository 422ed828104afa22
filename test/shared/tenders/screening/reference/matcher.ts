import type { BBox, PageText } from '../../../../../src/shared/document-text'
import { AhoCorasick } from './aho-corasick'
import type { CompiledProfiles, CompiledTerm } from '../../../../../src/shared/tenders/screening/compile'
import { align, allowedEdits, pieces } from './fuzzy'
import { normaliseWord, ocrCanonical, tokenise } from './normalise'
import {
  compact,
  readingOrder,
  tokeniseDocument,
  type CompactText,
  type PageLike,
  type Token,
} from './text-index'
import type { Hit, PageBox } from '../../../../../src/shared/tenders/screening/types'

export type MatchPage = PageLike & Pick<PageText, 'words'>

interface ExactPattern {
  term: CompiledTerm
  variant: string
  prefix: boolean
  /** Offsets inside the pattern where the term itself has a space. */
  spaces: Set<number>
}

interface FuzzyPattern {
  term: CompiledTerm
  variant: string
  /** The whole canonical term; for a piece, where the piece sits in it. */
  full: string
  offset: number
  edits: number
}

/** Regexes run line by line, at most this much at once, so even polynomial backtracking stays bounded. */
export const MAX_REGEX_LINE_CHARS = 300
const MAX_REGEX_HITS_PER_PAGE = 1_000

/** The tokens of a document plus its two matching views (exact and OCR-canonical). */
export interface PreparedText {
  pages: readonly MatchPage[]
  tokens: Token[]
  plain: CompactText
  ocr?: CompactText
}

export function prepareText(pages: readonly MatchPage[], withOcr = true): PreparedText {
  const tokens = tokeniseDocument(pages)
  const plain = compact(tokens)
  return withOcr ? { pages, tokens, plain, ocr: compact(tokens, ocrCanonical) } : { pages, tokens, plain }
}

function termForm(
  variant: string,
  canon: (t: string) => string = (t) => t,
): { text: string; spaces: Set<number> } {
  const spaces = new Set<number>()
  let text = ''
  for (const token of tokenise(normaliseWord(variant))) {
    if (text.length > 0) spaces.add(text.length)
    text += canon(token.text)
  }
  return { text, spaces }
}

/** Every term of every profile in two automata and a list of guarded regexes, compiled once. */
export class Matcher {
  private readonly exact = new AhoCorasick()
  private readonly exactPatterns: ExactPattern[] = []
  private readonly fuzzy = new AhoCorasick()
  private readonly fuzzyPatterns: FuzzyPattern[] = []
  private readonly regexes: { term: CompiledTerm; variant: string; re: RegExp }[] = []

  constructor(readonly compiled: CompiledProfiles) {
    for (const term of compiled.terms) {
      for (const variant of term.variants) {
        if (term.mode === 'regex') {
          this.regexes.push({ term, variant, re: new RegExp(variant, 'giu') })
        } else if (term.mode === 'fuzzy') {
          const { text } = termForm(variant, ocrCanonical)
          if (text.length === 0) continue
          const k = allowedEdits(text.length)
          this.fuzzyPatterns[this.fuzzy.add(text)] = { term, variant, full: text, offset: 0, edits: 0 }
          if (k > 0) {
            for (const piece of pieces(text, k)) {
              this.fuzzyPatterns[this.fuzzy.add(piece.text)] = {
                term,
                variant,
                full: text,
                offset: piece.offset,
                edits: k,
              }
            }
          }
        } else {
          const { text, spaces } = termForm(variant)
          if (text.length === 0) continue
          this.exactPatterns[this.exact.add(text)] = { term, variant, prefix: term.mode === 'prefix', spaces }
        }
      }
    }
    this.exact.build()
    this.fuzzy.build()
  }

  get needsOcrView(): boolean {
    return this.fuzzyPatterns.length > 0
  }

  /** All hits in the document, at most one per term per starting token. */
  match(prepared: PreparedText): { term: CompiledTerm; hit: Hit }[] {
    const found = new Map<string, { term: CompiledTerm; hit: Hit }>()
    const keep = (
      term: CompiledTerm,
      variant: string,
      view: CompactText,
      start: number,
      end: number,
      edits: number,
    ) => {
      const first = view.tokenOf[start]!
      const last = view.tokenOf[end - 1]!
      const key = `${term.id}:${first}`
      const previous = found.get(key)
      if (previous && previous.hit.edits <= edits) return
      const length = Math.max(1, end - start)
      found.set(key, { term, hit: hitFromTokens(prepared, term, variant, first, last, edits, length) })
    }

    const plain = prepared.plain
    this.exact.search(plain.text, (id, start, end) => {
      const p = this.exactPatterns[id]!
      if (!plain.tokenStart[start] || (!p.prefix && !plain.tokenStart[end])) return
      // A real space in the document must be a space in the term too; hyphens and line breaks need not be.
      for (let i = start + 1; i < end; i++) if (plain.hard[i] && !p.spaces.has(i - start)) return
      keep(p.term, p.variant, plain, start, end, 0)
    })

    const ocr = prepared.ocr
    if (ocr && this.fuzzyPatterns.length > 0) {
      this.fuzzy.search(ocr.text, (id, start, end) => {
        const p = this.fuzzyPatterns[id]!
        if (p.edits === 0) {
          if (ocr.tokenStart[start] && ocr.tokenStart[end]) keep(p.term, p.variant, ocr, start, end, 0)
          return
        }
        const origin = start - p.offset
        const a = align(ocr, origin - p.edits, origin + p.full.length + p.edits, p.full, p.edits)
        if (a && a.edits > 0) keep(p.term, p.variant, ocr, a.start, a.end, a.edits)
      })
    }

    if (this.regexes.length > 0) this.matchRegexes(prepared, keep)
    return [...found.values()]
  }

  private matchRegexes(
    prepared: PreparedText,
    keep: (
      term: CompiledTerm,
      variant: string,
      view: CompactText,
      start: number,
      end: number,
      edits: number,
    ) => void,
  ): void {
    // Regex hits are mapped back through each word's first token so they share the dedupe key.
    const tokenOfWord = new Map<string, number>()
    prepared.tokens.forEach((t, i) => {
      for (const w of t.words) if (!tokenOfWord.has(`${t.page}:${w}`)) tokenOfWord.set(`${t.page}:${w}`, i)
    })
    const view = prepared.plain
    const charOfToken = new Int32Array(prepared.tokens.length + 1).fill(-1)
    for (let c = view.text.length - 1; c >= 0; c--) charOfToken[view.tokenOf[c]!] = c
    for (const page of prepared.pages) {
      for (const chunk of regexChunks(page)) {
        for (const { term, variant, re } of this.regexes) {
          re.lastIndex = 0
          let n = 0
          for (let m = re.exec(chunk.text); m && n < MAX_REGEX_HITS_PER_PAGE; m = re.exec(chunk.text), n++) {
            if (m[0].length === 0) {
              re.lastIndex++
              continue
            }
            const first = tokenOfWord.get(`${page.page}:${chunk.wordAt(m.index)}`)
            const last = tokenOfWord.get(`${page.page}:${chunk.wordAt(m.index + m[0].length - 1)}`)
            if (first === undefined || last === undefined) continue
            const s = charOfToken[first]!
            const e = charOfToken[last]! + prepared.tokens[last]!.text.length
            if (s >= 0 && e > s) keep(term, variant, view, s, e, 0)
          }
        }
      }
    }
  }
}

/** Lines of normalised text (split at MAX_REGEX_LINE_CHARS), each able to map an offset back to its word. */
function regexChunks(page: MatchPage): { text: string; wordAt(offset: number): number }[] {
  const lines = page.lines.length > 0 ? page.lines.map((l) => l.wordIndexes) : [readingOrder(page)]
  const chunks: { text: string; wordAt(offset: number): number }[] = []
  for (const line of lines) {
    let text = ''
    let starts: number[] = []
    let words: number[] = []
    const flush = () => {
      if (words.length === 0) return
      const [t, s, w] = [text, starts, words]
      chunks.push({ text: t, wordAt: (offset) => w[lastAtOrBefore(s, offset)]! })
      ;[text, starts, words] = ['', [], []]
    }
    for (const wi of line) {
      const word = normaliseWord(page.words[wi]?.text ?? '').slice(0, MAX_REGEX_LINE_CHARS)
      if (text.length + word.length > MAX_REGEX_LINE_CHARS) flush()
      starts.push(text.length)
      words.push(wi)
      text += word + ' '
    }
    flush()
  }
  return chunks
}

function lastAtOrBefore(sorted: number[], value: number): number {
  let lo = 0
  let hi = sorted.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (sorted[mid]! <= value) lo = mid
    else hi = mid - 1
  }
  return lo
}

function hitFromTokens(
  prepared: PreparedText,
  term: CompiledTerm,
  variant: string,
  first: number,
  last: number,
  edits: number,
  length: number,
): Hit {
  const byPage = new Map<number, Set<number>>()
  for (let t = first; t <= last; t++) {
    const token = prepared.tokens[t]!
    let set = byPage.get(token.page)
    if (!set) byPage.set(token.page, (set = new Set()))
    for (const w of token.words) set.add(w)
  }
  const words: Hit['words'] = []
  const boxes: PageBox[] = []
  const texts: string[] = []
  let confidence = 0
  let count = 0
  for (const [pageNo, set] of byPage) {
    const page = prepared.pages.find((p) => p.page === pageNo)
    if (!page) continue
    const indexes = [...set]
    words.push({ page: pageNo, indexes })
    for (const i of indexes) {
      const w = page.words[i]!
      texts.push(w.text)
      confidence += w.confidence
      count++
    }
    boxes.push(
      ...lineBoxes(
        pageNo,
        indexes.map((i) => page.words[i]!.bbox),
      ),
    )
  }
  const first0 = boxes[0] ?? { page: prepared.tokens[first]!.page, bbox: [0, 0, 0, 0] as BBox }
  const onFirst = boxes.filter((b) => b.page === first0.page).map((b) => b.bbox)
  return {
    term: term.term,
    variant,
    mode: term.mode,
    text: texts.join(' '),
    page: first0.page,
    bbox: union(onFirst),
    boxes,
    words,
    confidence: +((count ? confidence / count / 100 : 0) * (1 - edits / length)).toFixed(3),
    edits,
  }
}

/** One box per visual line, so a hit broken over two lines is highlighted as two rectangles. */
function lineBoxes(page: number, boxes: BBox[]): PageBox[] {
  const rows: BBox[][] = []
  for (const b of [...boxes].sort((x, y) => x[1] - y[1])) {
    const row = rows.find((r) => {
      const u = union(r)
      return Math.min(u[3], b[3]) - Math.max(u[1], b[1]) > 0.5 * (b[3] - b[1])
    })
    if (row) row.push(b)
    else rows.push([b])
  }
  return rows.map((r) => ({ page, bbox: union(r) }))
}

export function union(boxes: readonly BBox[]): BBox {
  if (boxes.length === 0) return [0, 0, 0, 0]
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ]
}
