/**
 * Text normalisation shared by the matcher and field extraction: NFKC (ligatures such as "ﬁ",
 * full-width digits), lower case, and tokens of letters, marks and digits. Punctuation and spacing
 * only separate tokens, so "Date/Time", "rock-wool" and "rock wool" all tokenise alike.
 */
const TOKEN = /[\p{L}\p{M}\p{N}]+/gu

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/
const ASCII_TOKEN = /[a-z0-9]+/g

// Most words of an English text layer are plain ASCII, where NFKC is the identity: skip it.
export function normaliseWord(text: string): string {
  return PRINTABLE_ASCII.test(text) ? text.toLowerCase() : text.normalize('NFKC').toLowerCase()
}

export interface RawToken {
  text: string
  /** Offset in the normalised word. */
  start: number
}

export function tokenise(normalised: string): RawToken[] {
  const out: RawToken[] = []
  const re = PRINTABLE_ASCII.test(normalised) ? ASCII_TOKEN : TOKEN
  re.lastIndex = 0
  for (let m = re.exec(normalised); m; m = re.exec(normalised)) out.push({ text: m[0], start: m.index })
  return out
}

/** Collapses whitespace and normalises a phrase the way words are (for regex terms and display). */
export function normalisePhrase(text: string): string {
  return normaliseWord(text).replace(/\s+/g, ' ').trim()
}

/**
 * OCR-confusion canonical form used by fuzzy terms: characters an OCR engine mixes up map to one
 * representative (rn→m, vv→w, 0→o, 1/i/l→l, 5→s), applied to document and term alike, so the
 * exact automaton already finds "rnattress", "R0ckwool" or "lnsulation". Edit distance covers the rest.
 */
export function ocrCanonical(token: string): string {
  // One left-to-right pass equals the three replaces in order: none of them creates or breaks
  // another's pattern (m, w, o, l, s are never r, n or v). Most tokens need no change at all.
  let i = 0
  for (; i < token.length; i++) {
    const c = token.charCodeAt(i)
    if (
      OCR_CHANGES[c] ||
      (c === R && token.charCodeAt(i + 1) === N) ||
      (c === V && token.charCodeAt(i + 1) === V)
    )
      break
  }
  if (i === token.length) return token
  let out = token.slice(0, i)
  for (; i < token.length; i++) {
    const c = token.charCodeAt(i)
    const after = token.charCodeAt(i + 1)
    if (c === R && after === N) {
      out += 'm'
      i++
    } else if (c === V && after === V) {
      out += 'w'
      i++
    } else {
      const mapped = c < 128 ? OCR_CHANGES[c] : 0
      out += mapped ? String.fromCharCode(mapped) : token[i]
    }
  }
  return out
}

const R = 0x72
const N = 0x6e
const V = 0x76
/** Code unit → its OCR representative (0: unchanged), for 0→o, 1→l, i→l, 5→s. */
const OCR_CHANGES = new Uint8Array(128)
OCR_CHANGES[0x30] = 0x6f
OCR_CHANGES[0x31] = 0x6c
OCR_CHANGES[0x69] = 0x6c
OCR_CHANGES[0x35] = 0x73
