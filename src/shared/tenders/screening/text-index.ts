import type { BBox, PageText } from '../../document-text'
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
  const seen = new Uint8Array(page.words.length)
  const order: number[] = []
  for (const line of page.lines) {
    for (const i of line.wordIndexes) {
      if (!page.words[i] || seen[i]) continue
      seen[i] = 1
      order.push(i)
    }
  }
  if (order.length === page.words.length) return order
  const rest: number[] = []
  for (let i = 0; i < page.words.length; i++) if (!seen[i]) rest.push(i)
  rest.sort((a, b) => rowKey(page.words[a]!.bbox, page.words[b]!.bbox))
  return order.concat(rest)
}

function rowKey(a: BBox, b: BBox): number {
  const overlap = Math.min(a[3], b[3]) - Math.max(a[1], b[1])
  if (overlap > 0.5 * Math.min(a[3] - a[1], b[3] - b[1])) return a[0] - b[0]
  return a[1] - b[1]
}

function endsWithHyphen(word: string): boolean {
  const c = word.charCodeAt(word.length - 1)
  return c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0xad
}

const isAsciiTokenChar = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)

/**
 * The token texts of one word, as `tokenise(normaliseWord(text))` gives them, plus the normalised
 * word. Plain ASCII words (nearly all of a text layer) take a character loop: the regex path
 * allocated a match and a token object per piece and was most of the preparation time.
 */
function wordTokens(raw: string, out: string[]): string {
  out.length = 0
  let upper = false
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i)
    if (c < 0x20 || c > 0x7e) {
      const word = normaliseWord(raw)
      for (const part of tokenise(word)) out.push(part.text)
      return word
    }
    if (c >= 0x41 && c <= 0x5a) upper = true
  }
  const word = upper ? raw.toLowerCase() : raw
  let start = -1
  for (let i = 0; i <= word.length; i++) {
    const inside = i < word.length && isAsciiTokenChar(word.charCodeAt(i))
    if (inside) {
      if (start < 0) start = i
    } else if (start >= 0) {
      out.push(start === 0 && i === word.length ? word : word.slice(start, i))
      start = -1
    }
  }
  return word
}

/** Every page's words as one token stream, line-break hyphenation undone. */
export function tokeniseDocument(pages: readonly PageLike[]): Token[] {
  const tokens: Token[] = []
  const parts: string[] = []
  for (const page of pages) {
    const order = readingOrder(page)
    const lineEnd = new Uint8Array(page.words.length)
    for (const line of page.lines) {
      const last = line.wordIndexes.at(-1)
      if (last !== undefined) lineEnd[last] = 1
    }
    let softNext = false
    let joinNext = false
    let firstOnPage = true
    for (const wi of order) {
      const word = wordTokens(page.words[wi]!.text, parts)
      for (let k = 0; k < parts.length; k++) {
        const previous = tokens[tokens.length - 1]
        if (k === 0 && joinNext && previous && previous.page === page.page) {
          previous.text += parts[k]!
          previous.words.push(wi)
          continue
        }
        tokens.push({
          text: parts[k]!,
          page: page.page,
          words: [wi],
          hardBefore: k === 0 ? firstOnPage || !softNext : false,
        })
        firstOnPage = false
      }
      const hyphenated = endsWithHyphen(word)
      softNext = hyphenated
      // A word broken at the end of a line continues as one token on the next line.
      joinNext = hyphenated && lineEnd[wi] === 1 && parts.length > 0
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

export function compact(tokens: readonly Token[], canon?: (t: string) => string): CompactText {
  const texts: string[] = new Array<string>(tokens.length)
  let length = 0
  for (let i = 0; i < tokens.length; i++) {
    const t = canon ? canon(tokens[i]!.text) : tokens[i]!.text
    texts[i] = t
    length += t.length
  }
  const tokenOf = new Int32Array(length)
  const tokenStart = new Uint8Array(length + 1)
  const hard = new Uint8Array(length + 1)
  let at = 0
  for (let i = 0; i < texts.length; i++) {
    const n = texts[i]!.length
    if (n === 0) continue
    tokenStart[at] = 1
    hard[at] = tokens[i]!.hardBefore ? 1 : 0
    for (let end = at + n; at < end; at++) tokenOf[at] = i
  }
  tokenStart[length] = 1
  hard[length] = 1
  return { text: texts.join(''), tokenOf, tokenStart, hard }
}
