import { describe, expect, it } from 'vitest'
import {
  checkRegexSafety,
  parseProfile,
  Screener,
  type Profile,
} from '../../../../src/shared/tenders/screening'
import { makePage } from './makePage'

const MINIMAL = {
  name: 'Insulation',
  threshold: 5,
  terms: [
    { term: 'rock wool', synonyms: ['rockwool', 'mineral wool'], weight: 5 },
    { term: 'mattress', weight: 2 },
  ],
  exclude: [{ term: 'civil works', veto: true }],
}

function ok(input: unknown): Profile {
  const r = parseProfile(input)
  if (!r.ok) throw new Error(r.errors.join('; '))
  return r.profile
}

describe('profile validation', () => {
  it('accepts the minimal example from the issue', () => {
    const p = ok(MINIMAL)
    expect(p.terms[0]!.synonyms).toEqual(['rockwool', 'mineral wool'])
    expect(p.exclude[0]!.veto).toBe(true)
  })

  it('names the JSON path of every error', () => {
    const r = parseProfile({
      name: 'x',
      terms: [{ term: 'a' }, { term: 'b', weight: 'heavy' }, { term: 'c', mode: 'psychic' }],
      exclude: [{ term: '' }],
      colour: 'red',
    })
    expect(r.ok).toBe(false)
    const errors = r.ok ? [] : r.errors
    expect(errors).toContain('terms[1].weight: expected a number')
    expect(errors.some((e) => e.startsWith('terms[2].mode: expected one of word, phrase'))).toBe(true)
    expect(errors).toContain('exclude[0].term: a term must not be empty')
    const group = parseProfile({ name: 'x', terms: [{ term: 'a' }], required: [{ terms: ['a', 'zzz'] }] })
    expect(group.ok ? [] : group.errors).toEqual([
      'required[0].terms[1]: "zzz" is not one of the profile\'s terms',
    ])
    expect(errors).toContain('(root): unknown field "colour"')
    const missing = parseProfile({ terms: [] })
    expect(missing.ok ? [] : missing.errors).toEqual(['name: is required', 'terms: needs at least one term'])
  })

  it('rejects regexes that would backtrack catastrophically, and never hangs on them', () => {
    for (const evil of [
      'a*a*a*b',
      '(a+)+$',
      '(a*)*b',
      '(a|aa)+$',
      '((ab)*c)+',
      '(\\w+\\s?)+$',
      '(x+x+)+y',
      '(a)\\1',
      '(?<=a)b',
    ]) {
      expect(checkRegexSafety(evil), evil).not.toBeNull()
      const r = parseProfile({ name: 'r', terms: [{ term: evil, mode: 'regex' }] })
      expect(r.ok ? [] : r.errors[0]).toMatch(/^terms\[0\]\.term: /)
    }
    for (const fine of [
      'is:? ?\\d{4}',
      '\\d+ ?kg/m3',
      'gem/\\d{4}/b/\\d+',
      '(rock|mineral) wool',
      'a{2,5}b',
    ]) {
      expect(checkRegexSafety(fine), fine).toBeNull()
    }
    // What passes the guard runs over a page of adversarial text quickly.
    const p = ok({
      name: 'r',
      terms: [
        { term: 'a*a*b', mode: 'regex' },
        { term: '(?:\\w+\\s)*x', mode: 'word' },
      ],
    })
    const page = makePage(1, ['a'.repeat(3000) + ' ' + 'word '.repeat(2000)])
    const t0 = performance.now()
    new Screener([p]).screen([page])
    expect(performance.now() - t0).toBeLessThan(5000)
  })
})

describe('scoring', () => {
  const profile = ok({
    ...MINIMAL,
    required: [{ name: 'product', terms: ['rock wool'] }],
    exclude: [...MINIMAL.exclude, { term: 'glass wool', weight: 3 }],
  })

  it('explains the score: term, count, weight, points; repeats add less', () => {
    const [r] = new Screener([profile]).screen([
      makePage(1, ['rock wool mattress', 'rockwool rock wool mineral wool', 'glass wool']),
    ])
    const rock = r!.terms.find((t) => t.term === 'rock wool')!
    expect([rock.count, rock.weight, rock.points]).toEqual([4, 5, 15])
    expect(r!.terms.find((t) => t.term === 'glass wool')!.points).toBe(-3)
    expect(r!.score).toBe(14)
    expect(r!.relevant).toBe(true)
  })

  it('respects vetoes, required groups and the threshold, and says why', () => {
    const s = new Screener([profile])
    const veto = s.screen([makePage(1, ['rock wool mattresses for civil works'])])[0]!
    expect(veto.relevant).toBe(false)
    expect(veto.score).toBe(0)
    expect(veto.reasons[0]).toBe('vetoed by "civil works"')
    const missing = s.screen([
      makePage(1, ['mattress mattress mattress mattress mattress mattress mattress mattress']),
    ])[0]!
    expect(missing.relevant).toBe(false)
    expect(missing.reasons).toContain('missing required group product')
    const low = new Screener([ok({ ...MINIMAL, threshold: 20 })]).screen([makePage(1, ['rock wool'])])[0]!
    expect(low.reasons).toEqual(['score 5 is below the threshold 20'])
  })
})
