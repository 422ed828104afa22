import type { Word } from '../../../shared/document-text'

export interface TextLayerAssessment {
  usable: boolean
  /** One sentence, kept in PageText.notes when the layer is rejected. */
  reason: string
  stats: {
    /** Letters and digits on the page. */
    chars: number
    /** Letters and digits in words that look like writing. */
    goodChars: number
    /** Letters and digits in words that look like glyph-id garbage. */
    badChars: number
    /** Control, private-use, unassigned and replacement characters. */
    junkChars: number
    /** Words of one letter, among words with letters (garbage from per-glyph runs is mostly these). */
    singleLetterShare: number
    /** Vowels among Latin letters (≈ 0.35–0.45 in European languages). */
    latinVowelShare: number | null
  }
}

export interface AssessOptions {
  /** Fewer letters and digits than this and the page is treated as having no text layer. */
  minChars?: number
  /** Share of letters and digits that must sit in plausible words. */
  minGoodShare?: number
}

const DEFAULTS = { minChars: 20, minGoodShare: 0.6 }

/**
 * Fonts without a usable ToUnicode map make pdf.js emit raw glyph ids: control characters
 * (ids 1–31), private-use code points, U+FFFD, or ASCII that spells nothing ("=>?<@ FG H").
 * No dictionary is involved, so this works for any language: a word is judged by its characters
 * (junk code points, combining marks with nothing to combine with, punctuation wedged between
 * letters, mixed scripts, unpronounceable Latin), and the page by how much of its text sits in
 * such words, plus two page-wide signs of per-glyph garbage (mostly one-letter words, and a Latin
 * vowel share far from any natural language).
 */
export function assessTextLayer(
  words: readonly Word[],
  pageArea: number,
  opts: AssessOptions = {},
): TextLayerAssessment {
  const { minChars, minGoodShare } = { ...DEFAULTS, ...opts }
  let chars = 0
  let goodChars = 0
  let badChars = 0
  let junkChars = 0
  let letterWords = 0
  let singleLetterWords = 0
  let latin = 0
  let vowels = 0
  let inkArea = 0

  // A page repeats its words many times over; each distinct spelling is judged once.
  const judged = new Map<string, WordJudgement>()
  for (const word of words) {
    const text = word.text
    let j = judged.get(text)
    if (!j) {
      j = judgeWord(text)
      judged.set(text, j)
    }
    junkChars += j.junk
    chars += j.alnum
    inkArea += Math.max(0, word.bbox[2] - word.bbox[0]) * Math.max(0, word.bbox[3] - word.bbox[1])
    if (j.letters > 0) {
      letterWords++
      if (j.fragment) singleLetterWords++
    }
    latin += j.latin
    vowels += j.vowels
    const weight = Math.max(j.alnum, j.junk)
    if (weight === 0) continue
    if (j.junk > 0 || !j.writing) badChars += weight
    else goodChars += j.alnum
  }

  const singleLetterShare = letterWords > 0 ? singleLetterWords / letterWords : 0
  const latinVowelShare = latin >= 50 ? vowels / latin : null
  const stats = { chars, goodChars, badChars, junkChars, singleLetterShare, latinVowelShare }
  const goodShare = goodChars + badChars > 0 ? goodChars / (goodChars + badChars) : 0
  const pct = (x: number) => `${Math.round(x * 100)}%`
  const reject = (reason: string): TextLayerAssessment => ({ usable: false, reason, stats })

  if (chars < minChars) return reject(`too little text (${chars} letters and digits)`)
  if (goodShare < minGoodShare) {
    return reject(
      `text looks like glyph codes, not words: ${pct(goodShare)} of characters in plausible words` +
        (junkChars > 0 ? `, ${junkChars} control or private-use characters` : ''),
    )
  }
  if (letterWords >= 20 && singleLetterShare > 0.4) {
    return reject(
      `text is mostly one-letter words (${pct(singleLetterShare)}), typical of a font without a Unicode map`,
    )
  }
  if (latinVowelShare !== null && (latinVowelShare < 0.15 || latinVowelShare > 0.7)) {
    return reject(`Latin text has ${pct(latinVowelShare)} vowels, unlike any natural language`)
  }
  const coverage = pageArea > 0 ? inkArea / pageArea : 0
  return {
    usable: true,
    reason: `${pct(goodShare)} of ${chars} characters in plausible words, text boxes cover ${pct(coverage)} of the page`,
    stats,
  }
}

interface WordJudgement {
  alnum: number
  junk: number
  letters: number
  latin: number
  vowels: number
  /** A lone letter that is not a one-letter word of any common language. */
  fragment: boolean
  writing: boolean
}

function judgeWord(text: string): WordJudgement {
  const alnum = countMatches(text, ALNUM)
  const junk = countMatches(text, JUNK)
  const letters = countMatches(text, LETTER)
  const latinLetters = text.match(LATIN_LETTER) ?? []
  return {
    alnum,
    junk,
    letters,
    latin: latinLetters.length,
    vowels: latinLetters.filter((c) => VOWELS.has(c.toLowerCase())).length,
    fragment: letters === 1 && alnum === 1 && !SINGLE_LETTER_WORDS.has(text.replace(EDGE_PUNCT, '')),
    // looksLikeWriting is asked only where the verdict depends on it: junk condemns a word anyway.
    writing: Math.max(alnum, junk) === 0 || junk > 0 || looksLikeWriting(text),
  }
}

const ALNUM = /[\p{L}\p{N}]/gu
const LETTER = /\p{L}/gu
const LATIN_LETTER = /\p{Script=Latin}/gu
/** Controls (but not whitespace), private use, unassigned, surrogates, U+FFFD. */
const JUNK = /[\p{Cc}\p{Co}\p{Cn}\p{Cs}\uFFFD]/gu
const EDGE_PUNCT = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu
const VOWELS = new Set([...'aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœ'])
/** One-letter words of common Latin-script languages; other single letters count as fragments. */
const SINGLE_LETTER_WORDS = new Set([
  'a',
  'A',
  'I',
  'i',
  'o',
  'O',
  'e',
  'E',
  'y',
  'Y',
  'à',
  'á',
  'é',
  'è',
  'ó',
  'u',
  'U',
  'w',
  'z',
])
/** Joiners that legitimately sit between letters: hyphens, apostrophes, dots, slashes, ampersands. */
const JOINERS = /[-‐‑–'’.·/&@_:+]/u
const JOINERS_ALL = /[-‐‑–'’.·/&@_:+\s]/gu

function countMatches(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0
  let n = 0
  while (pattern.exec(text)) n++
  return n
}

/** Judged on characters only, so it holds for any script and for numbers, codes and abbreviations. */
export function looksLikeWriting(word: string): boolean {
  const core = word.replace(EDGE_PUNCT, '')
  if (core.length === 0) return true
  // A combining mark (matra, accent) must follow a base letter.
  if (/^\p{M}/u.test(core)) return false
  const chars = [...core]
  for (let i = 1; i < chars.length - 1; i++) {
    const c = chars[i]!
    if (
      /[\p{P}\p{S}]/u.test(c) &&
      !JOINERS.test(c) &&
      /[\p{L}\p{M}]/u.test(chars[i - 1]!) &&
      /\p{L}/u.test(chars[i + 1]!)
    ) {
      return false
    }
  }
  // Scripts change at joiners ("विवरण/Bid"), never inside a run of letters: a Latin word with a
  // Cyrillic letter in it is a font mapping glyphs to look-alike code points.
  for (const segment of core.split(JOINERS_ALL)) {
    const scripts = new Set<string>()
    for (const c of segment) {
      if (/\p{L}/u.test(c)) scripts.add(SCRIPTS.find((s) => s.pattern.test(c))?.name ?? 'other')
    }
    if (scripts.size > 1) return false
  }
  if ([...core].some((c) => /\p{Script=Latin}/u.test(c))) return plausibleLatin(core)
  return true
}

const SCRIPTS = [
  { name: 'Latin', pattern: /\p{Script=Latin}/u },
  { name: 'Greek', pattern: /\p{Script=Greek}/u },
  { name: 'Cyrillic', pattern: /\p{Script=Cyrillic}/u },
  { name: 'Devanagari', pattern: /\p{Script=Devanagari}/u },
  { name: 'Arabic', pattern: /\p{Script=Arabic}/u },
  { name: 'Han', pattern: /\p{Script=Han}/u },
]

function plausibleLatin(core: string): boolean {
  const letters = core.match(/\p{L}+/gu) ?? []
  for (const run of letters) {
    if (run.length < 4) continue
    // Capitals are fine (headings); what garbage has is case flipping mid-word.
    const flips = run.match(/\p{Ll}\p{Lu}/gu)?.length ?? 0
    if (flips > 1) return false
    // Short all-capital abbreviations (GSTN, CPWD) may lack vowels; longer words never do.
    const abbreviation = run.length <= 4 && run === run.toUpperCase()
    const lower = run.toLowerCase()
    if (!abbreviation && ![...lower].some((c) => VOWELS.has(c))) return false
    if (/[^aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœ]{6,}/u.test(lower)) return false
  }
  return true
}
