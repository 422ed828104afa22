import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseSpecText } from '../../src/main/services/qc/specFile'
import { parseProfileText } from '../../src/main/services/tenders/profiles'
import { DeskError } from '../../src/shared/contract'
import { Gs1ParseError, parseGs1 } from '../../src/shared/gs1'

// Fixed seeds: CI runs the same cases every time; a failure prints its seed and path to replay.
const RUNS = 3000
const params = (seed: number) => ({ seed, numRuns: RUNS })

/** Text near a valid input: valid text with characters cut, inserted, swapped or replaced. */
function mutated(valid: string, alphabet: fc.Arbitrary<string>) {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.string({ unit: alphabet, maxLength: 8 }),
    }),
  )
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) =>
    edits.reduce((text, e) => {
      const at = e.at % (text.length + 1)
      return e.kind === 'cut'
        ? text.slice(0, at) + text.slice(at + e.length)
        : text.slice(0, at) + e.text + text.slice(at)
    }, valid),
  )
}

/** The parser either accepts or says what is wrong, naming the file; nothing else escapes. */
function acceptsOrNames(file: string, parse: () => unknown): void {
  try {
    parse()
  } catch (error) {
    expect(error).toBeInstanceOf(DeskError)
    expect((error as DeskError).code).toBe('INVALID_INPUT')
    expect((error as DeskError).message.startsWith(`${file}: `)).toBe(true)
  }
}

const SPEC_YAML = `product: Zinc Bisglycinate Chelate SF
productAliases: [Zinc Glycinate SF]
version: 1
confidenceThreshold: 60
parameters:
  - { name: Zinc, unit: '%', min: 20 }
  - { name: Lead, unit: ppm, max: { value: 3.0, inclusive: false }, warning: { max: 2.5 } }
  - { name: Loss on drying, aliases: [LOD], unit: '%', limit: NMT 6.0 }
  - { name: pH, limit: 6.5 - 8.0 }
  - { name: Salmonella, limit: Absent in 10 g }
`
const PROFILE_JSON = JSON.stringify({
  name: 'Insulation',
  threshold: 5,
  terms: [
    { term: 'rock wool', synonyms: ['rockwool'], weight: 5 },
    { term: 'mattress', weight: 2, mode: 'prefix' },
  ],
  exclude: [{ term: 'civil works', veto: true }],
  required: [{ name: 'main', terms: ['rock wool'] }],
})
const syntax = fc.constantFrom(
  ...'{}[]:,-\'"# \n\t0123456789.eE±≤<>%abcxyz'.split(''),
  'NMT ',
  'null',
  'true',
  '\u0000',
  '🧪',
)

describe('fuzz: specification parser (YAML and JSON text → specification)', () => {
  it(`${RUNS} mutated YAML specifications`, () => {
    fc.assert(
      fc.property(mutated(SPEC_YAML, syntax), (t) =>
        acceptsOrNames('spec.yaml', () => parseSpecText(t, 'spec.yaml')),
      ),
      params(1801),
    )
  })
  it(`${RUNS} arbitrary JSON values`, () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) =>
        acceptsOrNames('spec.json', () => parseSpecText(JSON.stringify(v) ?? '', 'spec.json')),
      ),
      params(1802),
    )
  })
})

describe('fuzz: screening profile parser', () => {
  it(`${RUNS} mutated JSON profiles`, () => {
    fc.assert(
      fc.property(mutated(PROFILE_JSON, syntax), (t) =>
        acceptsOrNames('p.json', () => parseProfileText(t, 'p.json')),
      ),
      params(1803),
    )
  })
  it(`${RUNS} arbitrary YAML text`, () => {
    fc.assert(
      fc.property(fc.string({ unit: syntax, maxLength: 200 }), (t) =>
        acceptsOrNames('p.yaml', () => parseProfileText(t, 'p.yaml')),
      ),
      params(1804),
    )
  })
})

describe('fuzz: GS1 parser', () => {
  const gs1Char = fc.constantFrom(
    ...'0123456789ABCXYZ()/-]\u001d?%:. '.split(''),
    'https://id.gs1.org/01/',
    '(01)',
    '(17)',
    '(10)',
    '\u00e9',
  )
  const inputs = fc.oneof(
    fc.string({ unit: gs1Char, maxLength: 80 }),
    mutated(']C1010950600013435210ABC123\u001d17261231', gs1Char),
    mutated('https://id.gs1.org/01/09506000134352/10/ABC123?17=261231', gs1Char),
    mutated('(01)09506000134352(17)261231(10)ABC123', gs1Char),
    fc.string({ maxLength: 60 }),
  )
  it(`${RUNS * 2} scans, typed strings and Digital Links`, () => {
    fc.assert(
      fc.property(inputs, (input) => {
        try {
          const result = parseGs1(input)
          expect(Array.isArray(result.elements)).toBe(true)
        } catch (error) {
          // A position into the input and a reason, which the Scanner page shows.
          expect(error).toBeInstanceOf(Gs1ParseError)
          const e = error as Gs1ParseError
          expect(e.position).toBeGreaterThanOrEqual(0)
          expect(e.position).toBeLessThanOrEqual(input.length)
          expect(e.reason.length).toBeGreaterThan(0)
        }
      }),
      { seed: 1805, numRuns: RUNS * 2 },
    )
  })
})
