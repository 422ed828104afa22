import type { Word } from '../../../shared/document-text'

export interface TextLayerAssessment {
  usable: boolean
  /** One sentence, kept in PageText.notes when the layer is rejected. */
  reason: string
  /** 0..100: how far the page's text can be trusted as read (see `scoreTextLayer`). */
  quality: number
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
  const survey = surveyWords(words)
  const { chars, goodChars, badChars, junkChars, letterWords, singleLetterShare, latinVowelShare } = survey
  let inkArea = 0
  for (const word of words) {
    inkArea += Math.max(0, word.bbox[2] - word.bbox[0]) * Math.max(0, word.bbox[3] - word.bbox[1])
  }

  const stats = { chars, goodChars, badChars, junkChars, singleLetterShare, latinVowelShare }
  const quality = Math.round(100 * pageQuality(survey))
  const goodShare = goodChars + badChars > 0 ? goodChars / (goodChars + badChars) : 0
  const pct = (x: number) => `${Math.round(x * 100)}%`
  const reject = (reason: string): TextLayerAssessment => ({ usable: false, reason, quality, stats })

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
    quality,
    stats,
  }
}

export interface TextLayerScore {
  /** 0..100: the page's text-layer quality. */
  quality: number
  /** 0..100 per word, in the order given. */
  confidences: number[]
}

/**
 * A confidence for text-layer words, which have no OCR engine to give one. A text layer is either
 * right or wrong character for character, so the question is whether its characters can be
 * trusted, answered twice:
 *
 * - per page, the quality: the share of letters and digits in words whose characters raise no doubt
 *   (the judgement `assessTextLayer` uses), lowered when the page shows the page-wide signs of
 *   per-glyph garbage (mostly one-letter words, a Latin vowel share unlike any language). A page
 *   of ordinary text scores 95–100; a glyph-code layer scores near 0;
 * - per word, the evidence in its own characters: control, private-use, unassigned or replacement
 *   characters (an unknown glyph) put it at or below 50, mojibake and broken script (a vowel sign
 *   with no letter, punctuation inside a Devanagari word, Latin and Cyrillic in one word) at 55,
 *   an odd-looking Latin word or code ("DGVCL", "clause(s)") at 90, anything else at 100.
 *
 * A word's confidence is its evidence times the page's trust: full when at least 80% of the page
 * reads as writing (bilingual pages with a broken Hindi half stay there), falling to a tenth at 40%
 * and below, where glyph-code layers sit (the Balchem COAs at 6–12%): there even the words that
 * happen to look right are chance.
 */
export function scoreTextLayer(words: readonly Word[]): TextLayerScore {
  const survey = surveyWords(words)
  const quality = pageQuality(survey)
  const trust =
    MIN_TRUST + (1 - MIN_TRUST) * Math.min(1, Math.max(0, (quality - NO_TRUST) / (FULL_TRUST - NO_TRUST)))
  return {
    quality: Math.round(100 * quality),
    confidences: survey.judgements.map((j) => Math.round(100 * j.evidence * trust)),
  }
}

/** From this page quality up, a word is judged on its own characters alone. */
const FULL_TRUST = 0.8
/** At this page quality and below, the page's words keep only `MIN_TRUST` of their evidence. */
const NO_TRUST = 0.4
const MIN_TRUST = 0.1

interface Survey {
  chars: number
  goodChars: number
  badChars: number
  junkChars: number
  /** Letters and digits in words whose own characters raise no doubt (evidence 1). */
  trustedChars: number
  letterWords: number
  singleLetterShare: number
  latinVowelShare: number | null
  /** One per word, in order (shared between repeated spellings). */
  judgements: WordJudgement[]
}

function surveyWords(words: readonly Word[]): Survey {
  let chars = 0
  let goodChars = 0
  let badChars = 0
  let junkChars = 0
  let trustedChars = 0
  let letterWords = 0
  let singleLetterWords = 0
  let latin = 0
  let vowels = 0
  const judgements: WordJudgement[] = []

  for (const word of words) {
    const j = judged(word.text)
    judgements.push(j)
    junkChars += j.junk
    chars += j.alnum
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
    if (j.evidence === 1) trustedChars += j.alnum
  }

  return {
    chars,
    goodChars,
    badChars,
    junkChars,
    trustedChars,
    letterWords,
    singleLetterShare: letterWords > 0 ? singleLetterWords / letterWords : 0,
    latinVowelShare: latin >= 50 ? vowels / latin : null,
    judgements,
  }
}

/**
 * 0..1: the share of letters and digits in words whose characters raise no doubt (addresses and
 * micro-sign units included, odd-looking codes not), times a factor for each page-wide sign of
 * per-glyph garbage: 1 inside the range natural text keeps to, falling to 0.3 well past the point
 * where `assessTextLayer` rejects the page. No text is no evidence: 0.
 */
function pageQuality(s: Survey): number {
  const total = s.goodChars + s.badChars
  if (total === 0) return 0
  const ramp = (x: number, fine: number, bad: number) =>
    1 - 0.7 * Math.min(1, Math.max(0, (x - fine) / (bad - fine)))
  const singles = s.letterWords >= 20 ? ramp(s.singleLetterShare, 0.3, 0.6) : 1
  const vowels =
    s.latinVowelShare === null
      ? 1
      : Math.min(ramp(s.latinVowelShare, 0.6, 0.8), ramp(-s.latinVowelShare, -0.2, -0.1))
  return (s.trustedChars / total) * singles * vowels
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
  /** 0..1: how far the word's own characters can be trusted (see `scoreTextLayer`). */
  evidence: number
}

// Pages repeat their words, and documents their headers and labels: each spelling is judged once
// per worker (the cache is emptied when it grows large).
const judgements = new Map<string, WordJudgement>()
const MAX_JUDGEMENTS = 50_000

function judged(text: string): WordJudgement {
  let j = judgements.get(text)
  if (!j) {
    if (judgements.size >= MAX_JUDGEMENTS) judgements.clear()
    j = judgeWord(text)
    judgements.set(text, j)
  }
  return j
}

function judgeWord(text: string): WordJudgement {
  const alnum = countMatches(text, ALNUM)
  const junk = countMatches(text, JUNK)
  const letters = countMatches(text, LETTER)
  const latinLetters = text.match(LATIN_LETTER) ?? []
  // Junk condemns a word anyway; a word of marks alone ("ा") weighs nothing but is still broken.
  const fault = junk === 0 ? writingFault(text) : undefined
  return {
    alnum,
    junk,
    letters,
    latin: latinLetters.length,
    vowels: latinLetters.filter((c) => VOWELS.has(c.toLowerCase())).length,
    fragment: letters === 1 && alnum === 1 && !SINGLE_LETTER_WORDS.has(text.replace(EDGE_PUNCT, '')),
    writing: alnum === 0 || fault === undefined,
    evidence: evidence(text, alnum, junk, fault),
  }
}

/** UTF-8 read as Latin-1 or Windows-1252: "Ã©" for é, "â€™" for ’, "Â°" for °. */
const MOJIBAKE =
  /[ÂÃ][\u00A0-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013-\u2026\u2030\u2039\u203A\u20AC\u2122]|â€/u
/** E-mail and web addresses: identifiers, not words, so their spelling says nothing. */
const ADDRESS = /^[\w.+-]+@[\w-]+(\.[\w-]+)+[.,;:]?$|^(https?:\/\/|www\.)\S+$/iu
const MICRO = /[µμ]/gu
const GREEK = /\p{Script=Greek}/gu

function evidence(text: string, alnum: number, junk: number, fault: WritingFault | undefined): number {
  if (junk > 0) return (0.5 * alnum) / (alnum + junk)
  if (MOJIBAKE.test(text)) return 0.55
  if (fault === undefined || ADDRESS.test(text)) return 1
  switch (fault) {
    case 'latin':
    case 'latin-punctuation':
      return 0.9
    case 'scripts':
      // µg, μm, μS/cm: the micro sign is a unit prefix; Greek in Latin (mΩ, α-form) is science.
      if (writingFault(text.replace(MICRO, '')) === undefined) return 1
      return writingFault(text.replace(GREEK, '')) === undefined ? 0.9 : 0.55
    default:
      return 0.55
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
  return writingFault(word) === undefined
}

/**
 * Why a word does not read as writing: a combining mark with no base letter, punctuation wedged
 * between letters (between Latin letters, as in "clause(s)", it is a weaker sign), scripts mixed
 * inside a run of letters, or Latin that cannot be pronounced.
 */
type WritingFault = 'mark' | 'punctuation' | 'latin-punctuation' | 'scripts' | 'latin'

function writingFault(word: string): WritingFault | undefined {
  const core = word.replace(EDGE_PUNCT, '')
  if (core.length === 0) return undefined
  // A combining mark (matra, accent) must follow a base letter.
  if (/^\p{M}/u.test(core)) return 'mark'
  const chars = [...core]
  for (let i = 1; i < chars.length - 1; i++) {
    const c = chars[i]!
    if (
      /[\p{P}\p{S}]/u.test(c) &&
      !JOINERS.test(c) &&
      /[\p{L}\p{M}]/u.test(chars[i - 1]!) &&
      /\p{L}/u.test(chars[i + 1]!)
    ) {
      const latin = /\p{Script=Latin}/u
      return latin.test(chars[i - 1]!) && latin.test(chars[i + 1]!) ? 'latin-punctuation' : 'punctuation'
    }
  }
  // Scripts change at joiners ("विवरण/Bid"), never inside a run of letters: a Latin word with a
  // Cyrillic letter in it is a font mapping glyphs to look-alike code points.
  for (const segment of core.split(JOINERS_ALL)) {
    const scripts = new Set<string>()
    for (const c of segment) {
      if (/\p{L}/u.test(c)) scripts.add(SCRIPTS.find((s) => s.pattern.test(c))?.name ?? 'other')
    }
    if (scripts.size > 1) return 'scripts'
  }
  if ([...core].some((c) => /\p{Script=Latin}/u.test(c)) && !plausibleLatin(core)) return 'latin'
  return undefined
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
