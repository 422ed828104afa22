import { describe, expect, it } from 'vitest'
import {
  CODE_LETTERS,
  codeLetter,
  containerPlan,
  planSample,
  iso2859Plan,
  pickListText,
  pickUnits,
  SAMPLE_SIZES,
  type InspectionLevel,
} from '../../../src/shared/qc'

// ISO 2859-1:1999 Table 1, typed from the standard: lot-size band → letters for S-1..S-4, I, II, III.
const TABLE_1: [number, number, string][] = [
  [2, 8, 'A A A A A A B'],
  [9, 15, 'A A A A A B C'],
  [16, 25, 'A A B B B C D'],
  [26, 50, 'A B B C C D E'],
  [51, 90, 'B B C C C E F'],
  [91, 150, 'B B C D D F G'],
  [151, 280, 'B C D E E G H'],
  [281, 500, 'B C D E F H J'],
  [501, 1200, 'C C E F G J K'],
  [1201, 3200, 'C D E G H K L'],
  [3201, 10000, 'C D F G J L M'],
  [10001, 35000, 'C D F H K M N'],
  [35001, 150000, 'D E G J L N P'],
  [150001, 500000, 'D E G J M P Q'],
  [500001, 5_000_000, 'D E H K N Q R'],
]
const LEVELS: InspectionLevel[] = ['S-1', 'S-2', 'S-3', 'S-4', 'I', 'II', 'III']

describe('ISO 2859-1 / ANSI Z1.4', () => {
  it.each(TABLE_1)('lots of %i to %i', (lo, hi, letters) => {
    const want = letters.split(' ')
    for (const n of [lo, Math.floor((lo + hi) / 2), hi]) {
      expect(LEVELS.map((l) => codeLetter(n, l))).toEqual(want)
    }
  })

  it('has Table 2-A sample size for every code letter', () => {
    const published = [2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000]
    expect(CODE_LETTERS.map((l) => SAMPLE_SIZES[l])).toEqual(published)
    // Every letter is reachable from some lot size and level, and gives its sample size.
    const reached = new Set(TABLE_1.flatMap(([lo]) => LEVELS.map((l) => codeLetter(lo, l))))
    expect([...reached].sort()).toEqual([...CODE_LETTERS].sort())
  })

  it('gives code letter and size for a lot, and inspects all of a tiny one', () => {
    expect(iso2859Plan(1000, 'II')).toMatchObject({ codeLetter: 'J', sampleSize: 80 })
    expect(iso2859Plan(5000, 'S-3')).toMatchObject({ codeLetter: 'F', sampleSize: 20 })
    expect(iso2859Plan(3, 'III')).toMatchObject({ codeLetter: 'B', tableSampleSize: 3, sampleSize: 3 })
    expect(iso2859Plan(2, 'III').note).toMatch(/inspect all 2/)
    expect(() => codeLetter(1, 'II')).toThrow(/at least 2/)
  })
})

describe('container plans', () => {
  it.each([
    [1, 'sqrt', 1],
    [4, 'sqrt', 3],
    [10, 'sqrt', 5],
    [100, 'sqrt', 11],
    [101, 'sqrt', 12],
    [100, 'who-p', 4],
    [100, 'who-r', 15],
    [50, 'who-n', 9],
    [2, 'who-r', 2],
  ] as const)('N=%i %s → %i', (n, plan, size) => expect(containerPlan(n, plan).sampleSize).toBe(size))
})

describe('seeded picks', () => {
  it('are reproducible, distinct, in range and depend on the seed', () => {
    const a = pickUnits('lot 42 / 2025-06-01', 500, 50)
    expect(pickUnits('lot 42 / 2025-06-01', 500, 50)).toEqual(a)
    expect(new Set(a.sorted).size).toBe(50)
    expect(a.sorted.every((n) => n >= 1 && n <= 500)).toBe(true)
    expect(pickUnits('lot 43 / 2025-06-01', 500, 50).sorted).not.toEqual(a.sorted)
    expect(pickUnits('x', 7, 7).sorted).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  it('pins the generator: this seed gives these containers on every platform', () => {
    expect(planSample({ plan: 'sqrt', lotSize: 30, seed: 'pebble' }).picks).toMatchInlineSnapshot(`
      [
        3,
        18,
        22,
        23,
        28,
        29,
        30,
      ]
    `)
  })

  it('prints a pick list with the seed', () => {
    const result = planSample({ plan: 'iso2859', lotSize: 1000, level: 'II', seed: 'S-1' })
    const text = pickListText(result)
    expect(text).toContain('Seed:        S-1')
    expect(text).toContain('Code letter: J')
    expect(text.match(/\[ \]/g)).toHaveLength(80)
  })
})
