import { describe, expect, it } from 'vitest'
import type { PageText } from '../../../../src/shared/document-text'
import {
  compileProfiles,
  Matcher,
  ocrCanonical,
  parseProfile,
  prepareText,
  type ProfileInput,
} from '../../../../src/shared/tenders/screening'
import { Matcher as ReferenceMatcher, prepareText as referencePrepare } from './reference/matcher'
import { ocrCanonical as referenceCanonical } from './reference/normalise'
import { makePage } from './makePage'

type ProfileTermInput = NonNullable<ProfileInput['terms']>[number]

/*
 * The optimised engine (typed-array automaton, character-loop tokeniser, bigram prefilter before
 * fuzzy verification) must give exactly what the straightforward version in ./reference gives:
 * same tokens, same compact views, same hits in the same order. Random texts mix the vocabulary
 * with OCR confusions, hyphenation, punctuation, case and non-ASCII; random terms are drawn from
 * the same material so that exact, prefix, fuzzy and near-miss hits all occur.
 */

const VOCABULARY = [
  'rock',
  'wool',
  'rockwool',
  'mineral',
  'mattress',
  'mattresses',
  'thermal',
  'insulation',
  'ceramic',
  'fibre',
  'fiber',
  'glass',
  'civil',
  'works',
  'bonded',
  'resin',
  'supply',
  'bidder',
  'bidders',
  'conditions',
  'terms',
  'payment',
  'inspection',
  'consignee',
  'boiler',
  'density',
  'netting',
  'wire',
  'pipe',
  'pump',
  'ministry',
  'railways',
  'organisation',
  'quantity',
  'tender',
  'gem',
  'is',
  'in',
  'of',
  'the',
  'and',
  'to',
]
const ODD = ['ﬁbre', 'Ｒｏｃｋ', 'café', 'naïve', '१२३', '₹', 'µm', 'Straße', 'İnsulation', 'x²']

function rng(seed: number): (n: number) => number {
  let s = seed >>> 0 || 1
  return (n) => {
    s ^= s << 13
    s >>>= 0
    s ^= s >>> 17
    s ^= s << 5
    s >>>= 0
    return s % n
  }
}

/** OCR-style damage: the confusions the fuzzy mode maps, plus a random edit now and then. */
function damage(word: string, rand: (n: number) => number): string {
  let w = word
  const roll = rand(12)
  if (roll === 0) w = w.replace(/m/g, 'rn')
  else if (roll === 1) w = w.replace(/o/g, '0')
  else if (roll === 2) w = w.replace(/[il]/g, () => '1lI'[rand(3)]!)
  else if (roll === 3) w = w.replace(/s/g, '5')
  else if (roll === 4) w = w.replace(/w/g, 'vv')
  else if (roll === 5 && w.length > 3) {
    const at = rand(w.length)
    w = w.slice(0, at) + 'abcdefghijklmnopqrstuvwxyz'[rand(26)] + w.slice(at + 1)
  } else if (roll === 6 && w.length > 3) {
    const at = rand(w.length)
    w = w.slice(0, at) + w.slice(at + 1)
  } else if (roll === 7) {
    const at = rand(w.length + 1)
    w = w.slice(0, at) + 'aeiou'[rand(5)] + w.slice(at)
  }
  if (rand(5) === 0) w = w.toUpperCase()
  else if (rand(4) === 0) w = w[0]!.toUpperCase() + w.slice(1)
  return w
}

function randomWord(rand: (n: number) => number): string {
  if (rand(25) === 0) return ODD[rand(ODD.length)]!
  let w = damage(VOCABULARY[rand(VOCABULARY.length)]!, rand)
  const punct = rand(14)
  if (punct === 0) w += '-'
  else if (punct === 1) w = '-' + w
  else if (punct === 2) w += '/' + VOCABULARY[rand(VOCABULARY.length)]!
  else if (punct === 3) w += ','
  else if (punct === 4) w += '-' + damage(VOCABULARY[rand(VOCABULARY.length)]!, rand)
  else if (punct === 5) w = `(${w})`
  else if (punct === 6) w += '\u00ad'
  return w
}

function randomPages(rand: (n: number) => number): PageText[] {
  const pages: PageText[] = []
  for (let p = 1, n = 1 + rand(3); p <= n; p++) {
    const rows = Array.from({ length: 1 + rand(8) }, () =>
      Array.from({ length: 1 + rand(9) }, () => randomWord(rand)).join(' '),
    )
    pages.push(makePage(p, rows, rand(2) ? { confidence: 60 + rand(40) } : {}))
  }
  return pages
}

const MODES = ['word', 'phrase', 'prefix', 'fuzzy', 'fuzzy', 'fuzzy'] as const

function randomTerm(rand: (n: number) => number): string {
  const words = Array.from({ length: 1 + rand(3) }, () => {
    const w = VOCABULARY[rand(VOCABULARY.length)]!
    return rand(6) === 0 ? damage(w, rand) : w
  })
  return rand(5) === 0 ? words.join('') : words.join(rand(4) === 0 ? '-' : ' ')
}

function randomProfile(rand: (n: number) => number, name: string): ProfileInput {
  const terms: ProfileTermInput[] = Array.from({ length: 1 + rand(12) }, () => ({
    term: randomTerm(rand),
    ...(rand(3) === 0 ? { synonyms: [randomTerm(rand), randomTerm(rand)] } : {}),
    weight: 1 + rand(5),
    mode: MODES[rand(MODES.length)]!,
  }))
  if (rand(4) === 0) terms.push({ term: '\\d+ (kg|mm)', mode: 'regex' })
  return {
    name,
    threshold: 1,
    terms,
    exclude: rand(2) ? [{ term: randomTerm(rand), ...(rand(2) ? { mode: 'fuzzy' as const } : {}) }] : [],
  }
}

function compiled(inputs: ProfileInput[]) {
  return compileProfiles(
    inputs.map((input) => {
      const parsed = parseProfile(input)
      if (!parsed.ok) throw new Error(parsed.errors.join('; '))
      return parsed.profile
    }),
  )
}

describe('optimised engine against the reference implementation', () => {
  it('maps OCR confusions exactly as the regex replaces did', () => {
    const rand = rng(99)
    const alphabet = 'rnvvmwoi0l15sRNV-ab\u00e9'
    for (let i = 0; i < 5_000; i++) {
      const s = Array.from({ length: rand(12) }, () => alphabet[rand(alphabet.length)]!).join('')
      expect(ocrCanonical(s)).toBe(referenceCanonical(s))
    }
  })

  it('prepares the same text and finds the same hits in the same order on random documents', () => {
    const rand = rng(20260424)
    let hits = 0
    let fuzzyEdits = 0
    for (let round = 0; round < 400; round++) {
      const pages = randomPages(rand)
      const profiles = Array.from({ length: 1 + rand(2) }, (_, i) => randomProfile(rand, `p${i}`))
      const c = compiled(profiles)
      const ours = prepareText(pages)
      const theirs = referencePrepare(pages)
      expect(ours.tokens).toEqual(theirs.tokens)
      expect(ours.plain).toEqual(theirs.plain)
      expect(ours.ocr).toEqual(theirs.ocr)
      const found = new Matcher(c).match(ours)
      expect(found).toEqual(new ReferenceMatcher(c).match(theirs))
      hits += found.length
      fuzzyEdits += found.filter((f) => f.hit.edits > 0).length
    }
    // Otherwise the comparison proves little.
    expect(hits).toBeGreaterThan(1_000)
    expect(fuzzyEdits).toBeGreaterThan(50)
  })

  it('agrees on many fuzzy terms sharing fragments with common words', () => {
    const rand = rng(7)
    const pages = randomPages(rand).concat(randomPages(rand).map((p) => ({ ...p, page: p.page + 3 })))
    const made = () => Array.from({ length: 2 + rand(6) }, () => 'bcdfghkmnpqrstvwxz'[rand(18)]).join('')
    const terms: ProfileTermInput[] = Array.from({ length: 600 }, (_, i) => ({
      term:
        i % 2 === 0
          ? `${VOCABULARY[rand(VOCABULARY.length)]!}${made()}`
          : `${VOCABULARY[rand(VOCABULARY.length)]!} ${VOCABULARY[rand(VOCABULARY.length)]!}${i % 4 === 1 ? made() : ''}`,
      mode: 'fuzzy',
    }))
    const c = compiled([{ name: 'many', threshold: 1, terms }])
    const found = new Matcher(c).match(prepareText(pages))
    expect(found).toEqual(new ReferenceMatcher(c).match(referencePrepare(pages)))
    expect(found.length).toBeGreaterThan(0)
  })
})
