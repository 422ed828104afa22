import type { BBox, PageText } from '../../../../../src/shared/document-text'
import { normaliseWord, tokenise } from './normalise'

/** The page fields the engine reads: a DocumentText page, or a test's hand-made one. */
export type PageLike = Pick<PageText, 'page' | 'words' | 'lines'>

export interface Token {
  text: string
  /** 1-based page number. */
  page: number
  /** Indexes into that page's words (two when a line-end hyphen joined a word). */
  words: number[]
  /** False after punctuation inside a word or a hyphen ("rock-wool", "insu-\nlation"). */
  hardBefore: boolean
}

/** Words in reading order: by line where the page has lines, else top to bottom, left to right. */
export function readingOrder(page: PageLike): number[] {
  const seen = new Set<number>()
  const order: number[] = []
  for (const line of page.lines) {
    for (const i of line.wordIndexes) {
      if (seen.has(i) || !page.words[i]) continue
      seen.add(i)
      order.push(i)
    }
  }
  const rest = page.words.map((_, i) => i).filter((i) => !seen.has(i))
  rest.sort((a, b) => rowKey(page.words[a]!.bbox, page.words[b]!.bbox))
  return order.concat(rest)
}

function rowKey(a: BBox, b: BBox): number {
  const overlap = Math.min(a[3], b[3]) - Math.max(a[1], b[1])
  if (overlap > 0.5 * Math.min(a[3] - a[1], b[3] - b[1])) return a[0] - b[0]
  return a[1] - b[1]
}

const HYPHEN_END = /[-\u2010\u2011\u00ad]$/

/** Every page's words as one token stream, line-break hyphenation undone. */
export function tokeniseDocument(pages: readonly PageLike[]): Token[] {
  const tokens: Token[] = []
  for (const page of pages) {
    const order = readingOrder(page)
    const lineEnds = new Set(page.lines.map((l) => l.wordIndexes.at(-1)))
    let softNext = false
    let joinNext = false
    let firstOnPage = true
    for (const wi of order) {
      const word = normaliseWord(page.words[wi]!.text)
      const parts = tokenise(word)
      parts.forEach((part, k) => {
        const previous = tokens.at(-1)
        if (k === 0 && joinNext && previous && previous.page === page.page) {
          previous.text += part.text
          previous.words.push(wi)
          return
        }
        tokens.push({
          text: part.text,
          page: page.page,
          words: [wi],
          hardBefore: k === 0 ? firstOnPage || !softNext : false,
        })
        firstOnPage = false
      })
      const hyphenated = HYPHEN_END.test(word)
      softNext = hyphenated
      // A word broken at the end of a line continues as one token on the next line.
      joinNext = hyphenated && lineEnds.has(wi) && parts.length > 0
    }
  }
  return tokens
}

/**
 * Tokens laid end to end without separators. Matching runs on this string, and boundary arrays
 * say where tokens start and where a real space lies, so a phrase "rock wool" still finds
 * "Rock- wool", "rock-wool" and "rockwool", while "wool" alone never matches inside "steelwool".
 */
export interface CompactText {
  text: string
  /** Token index per character. */
  tokenOf: Int32Array
  /** 1 where a token starts; one extra slot at the end (always 1). */
  tokenStart: Uint8Array
  /** 1 where the token starting here follows a space, not punctuation or a hyphen. */
  hard: Uint8Array
}

export function compact(tokens: readonly Token[], canon: (t: string) => string = (t) => t): CompactText {
  const texts = tokens.map((t) => canon(t.text))
  const length = texts.reduce((n, t) => n + t.length, 0)
  const tokenOf = new Int32Array(length)
  const tokenStart = new Uint8Array(length + 1)
  const hard = new Uint8Array(length + 1)
  let at = 0
  texts.forEach((t, i) => {
    if (t.length === 0) return
    tokenStart[at] = 1
    hard[at] = tokens[i]!.hardBefore ? 1 : 0
    tokenOf.fill(i, at, at + t.length)
    at += t.length
  })
  tokenStart[length] = 1
  hard[length] = 1
  return { text: texts.join(''), tokenOf, tokenStart, hard }
}
