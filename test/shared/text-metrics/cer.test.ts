import { describe, expect, it } from 'vitest'
import { characterErrorRate, levenshtein, normaliseWhitespace } from '../../../src/shared/text-metrics'

describe('text metrics', () => {
  it('normalises whitespace runs of any kind', () => {
    expect(normaliseWhitespace('  a\t\tb\n\n c\u00a0d  ')).toBe('a b c d')
  })

  it('computes edit distance symmetrically, by code point', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3)
    expect(levenshtein('sitting', 'kitten')).toBe(3)
    expect(levenshtein('', 'abc')).toBe(3)
    expect(levenshtein('abc', '')).toBe(3)
    expect(levenshtein('a😀b', 'ab')).toBe(1)
    expect(levenshtein('बिड संख्या', 'बड सं या')).toBe(3)
  })

  it('divides by the normalised ground-truth length', () => {
    const r = characterErrorRate('The  quick\nbrown fx', 'The quick brown fox')
    expect(r.distance).toBe(1)
    expect(r.referenceLength).toBe(19)
    expect(r.cer).toBeCloseTo(1 / 19)
    expect(characterErrorRate('', '').cer).toBe(0)
    expect(characterErrorRate('x', '').cer).toBe(1)
  })

  it('handles page-sized inputs quickly', () => {
    const a = 'lorem ipsum dolor sit amet '.repeat(120)
    const b = a.replace(/o/g, '0')
    const t = performance.now()
    expect(levenshtein(a, b)).toBe((a.match(/o/g) ?? []).length)
    expect(performance.now() - t).toBeLessThan(2000)
  })
})
