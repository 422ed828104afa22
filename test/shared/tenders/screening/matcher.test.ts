import { describe, expect, it } from 'vitest'
import {
  AhoCorasick,
  parseProfile,
  Screener,
  type Profile,
  type ProfileInput,
} from '../../../../src/shared/tenders/screening'
import { makePage } from './makePage'

function profile(input: ProfileInput): Profile {
  const parsed = parseProfile(input)
  if (!parsed.ok) throw new Error(parsed.errors.join('; '))
  return parsed.profile
}

const insulation = profile({
  name: 'Insulation',
  threshold: 5,
  terms: [
    { term: 'rock wool', synonyms: ['rockwool', 'mineral wool'], weight: 5 },
    { term: 'mattress', weight: 2 },
  ],
  exclude: [{ term: 'civil works', veto: true }],
})

describe('Aho–Corasick', () => {
  it('finds every occurrence of overlapping patterns in one pass', () => {
    const ac = new AhoCorasick()
    const ids = ['he', 'she', 'his', 'hers'].map((p) => ac.add(p))
    const found: string[] = []
    ac.search('ushers', (id, s, e) => found.push(`${ids.indexOf(id)}@${s}-${e}`))
    expect(found.sort()).toEqual(['0@2-4', '1@1-4', '3@2-6'])
  })
})

describe('matcher', () => {
  it('matches phrases across hyphens, line-break hyphenation and spacing, with page and word boxes', () => {
    const page = makePage(2, [
      'Supply of Bonded mineral -Rock- wool mattresses with GS wire netting',
      'Thermal insu-',
      'lation Rockwool slabs and MINERAL WOOL',
    ])
    const [result] = new Screener([
      insulation,
      profile({ name: 'x', terms: [{ term: 'insulation' }, { term: 'mattress', mode: 'prefix' }] }),
    ]).screen([page])
    const rock = result!.terms.find((t) => t.term === 'rock wool')!
    expect(rock.count).toBe(3)
    expect(rock.pages).toEqual([2])
    const first = rock.hits[0]!
    expect(first.text).toBe('-Rock- wool')
    expect(first.page).toBe(2)
    expect(first.bbox[1]).toBe(100)
    // "mattress" is a word term: "mattresses" is not a hit, but prefix mode finds it.
    expect(result!.terms.find((t) => t.term === 'mattress')).toBeUndefined()
    const other = new Screener([
      profile({ name: 'x', terms: [{ term: 'insulation' }, { term: 'mattress', mode: 'prefix' }] }),
    ]).screen([page])[0]!
    const hyphenated = other.terms.find((t) => t.term === 'insulation')!
    expect(hyphenated.hits[0]!.text).toBe('insu- lation')
    expect(hyphenated.hits[0]!.boxes).toHaveLength(2)
    expect(other.terms.find((t) => t.term === 'mattress')!.count).toBe(1)
  })

  it('does not match inside words or across real spaces that the term lacks', () => {
    const page = makePage(1, ['steelwool pads', 'rock woolen', 'the rockwool is here'])
    const p = profile({ name: 'w', terms: [{ term: 'wool' }, { term: 'rock wool' }, { term: 'kwool' }] })
    const [r] = new Screener([p]).screen([page])
    expect(r!.terms.map((t) => [t.term, t.count])).toEqual([['rock wool', 1]])
  })

  it('finds fuzzy terms in OCR-noisy text (rn/m, 0/O, 1/l/I, 5/S, one edit)', () => {
    const page = makePage(
      1,
      [
        'Supp1y of R0CKW00L rnattresses',
        'Therrnal lnsulati0n 5heets',
        'Resin bonded rock wo0l',
        'Glass fibre insulatian',
      ],
      {
        confidence: 80,
      },
    )
    const p = profile({
      name: 'ocr',
      defaultMode: 'fuzzy',
      terms: [
        { term: 'rockwool' },
        { term: 'mattresses' },
        { term: 'thermal insulation' },
        { term: 'sheets' },
        { term: 'insulation' },
      ],
    })
    const [r] = new Screener([p]).screen([page])
    const count = (t: string) => r!.terms.find((x) => x.term === t)?.count ?? 0
    expect(count('rockwool')).toBe(2)
    expect(count('mattresses')).toBe(1)
    expect(count('thermal insulation')).toBe(1)
    expect(count('sheets')).toBe(1)
    expect(count('insulation')).toBe(2)
    const transposed = r!.terms.find((x) => x.term === 'insulation')!.hits.find((h) => h.edits > 0)!
    expect(transposed.text).toBe('insulatian')
    expect(transposed.confidence).toBeLessThan(0.8)
  })

  it('keeps short fuzzy terms exact after OCR mapping (no edits for words under 8 letters)', () => {
    const [r] = new Screener([
      profile({ name: 's', defaultMode: 'fuzzy', terms: [{ term: 'pipe' }] }),
    ]).screen([makePage(1, ['pips ripe p1pe'])])
    expect(r!.terms[0]!.count).toBe(1)
    expect(r!.terms[0]!.hits[0]!.text).toBe('p1pe')
  })

  it('runs regex terms on normalised page text and maps hits to words', () => {
    const page = makePage(1, ['Conforming to IS 8183 and IS: 9842', 'density 100 kg/m3'])
    const p = profile({
      name: 'r',
      terms: [
        { term: 'is:? \\d{4}', mode: 'regex' },
        { term: '\\d+ kg/m3', mode: 'regex' },
      ],
    })
    const [r] = new Screener([p]).screen([page])
    expect(r!.terms.find((t) => t.term === 'is:? \\d{4}')!.hits.map((h) => h.text)).toEqual([
      'IS 8183',
      'IS: 9842',
    ])
    expect(r!.terms.find((t) => t.term === '\\d+ kg/m3')!.hits[0]!.text).toBe('100 kg/m3')
  })
})
