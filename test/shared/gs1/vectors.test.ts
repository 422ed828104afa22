import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  Gs1ParseError,
  parseGs1,
  STRICT_OPTIONS,
  toDataString,
  toDigitalLinkUri,
  toElementString,
  toHri,
  type Gs1InputKind,
  type Gs1ParseOptions,
  type Gs1Result,
} from '../../../src/shared/gs1'
import { corpusFile } from '../../support/corpus'

interface Vector {
  line: number
  testFunction: string
  input: string
  expected: string
  valid: boolean
  notes: string
}

function readVectors(): Vector[] {
  const lines = readFileSync(corpusFile('gs1-vectors.tsv'), 'utf8').split('\n')
  const vectors: Vector[] = []
  let header: string[] | undefined
  lines.forEach((raw, i) => {
    if (raw.startsWith('#') || raw.trim() === '') return
    const cols = raw.split('\t')
    if (!header) {
      header = cols
      return
    }
    const col = (name: string): string => cols[header?.indexOf(name) ?? -1] ?? ''
    vectors.push({
      line: i + 1,
      testFunction: col('test_function'),
      input: col('input').replace(/<GS>/g, '\x1D'),
      expected: col('expected'),
      valid: col('expect') === 'valid',
      notes: col('notes'),
    })
  })
  return vectors
}

/** The kind of input each source test feeds its parser, from the vector's notes. */
function kindOf(v: Vector): Gs1InputKind {
  const n = v.notes
  if (n.includes('raw scanner output')) return 'scan'
  if (n.startsWith('GS1 Digital Link URI')) return 'digital-link'
  if (n.startsWith('HRI string') || n.startsWith('bracketed HRI')) return 'hri'
  if (n.includes('raw element string')) return 'element-string'
  return 'auto'
}

/** biip notes list its separator characters as a Python tuple: separator_chars=('|', '\x1d'). */
function separatorsOf(v: Vector): string[] | undefined {
  const m = /separator_chars=\(([^)]*)\)/.exec(v.notes)
  if (!m) return undefined
  return [...(m[1] ?? '').matchAll(/'([^']*)'/g)].map((s) => (s[1] === '\\x1d' ? '\x1D' : (s[1] ?? '')))
}

const LENIENT: Gs1ParseOptions = {
  permitZeroSuppressedGtin: true,
  permitConvenienceAlphas: true,
  permitUnknownAis: true,
}

const vectors = readVectors()
const key = (v: Vector): string => `${kindOf(v)}\t${v.input}`
const validity = new Map<string, Set<boolean>>()
for (const v of vectors) validity.set(key(v), (validity.get(key(v)) ?? new Set()).add(v.valid))

/**
 * gs1-syntax-engine toggles encoder options between cases, so a few inputs are listed both valid
 * and invalid. For those, "valid" means valid with the legacy forms permitted and "invalid" means
 * rejected under GS1's strict defaults. Every other vector runs with the desk's defaults.
 */
function optionsFor(v: Vector): Gs1ParseOptions {
  const base: Gs1ParseOptions = { kind: kindOf(v), now: new Date(Date.UTC(2025, 5, 1)) }
  const separators = separatorsOf(v)
  if (separators) base.separators = separators
  if ((validity.get(key(v))?.size ?? 0) < 2) return base
  return { ...base, ...(v.valid ? LENIENT : STRICT_OPTIONS) }
}

function rendered(v: Vector, result: Gs1Result): string | undefined {
  if (v.expected.startsWith('(')) return toHri(result.elements)
  if (v.notes.includes('-> GS1 Digital Link URI')) return toDigitalLinkUri(result.elements)
  // A parsed Digital Link URI is compared as the element string it stands for.
  if (kindOf(v) === 'digital-link') return toElementString(result.elements)
  return toDataString(result)
}

describe('GS1 vectors from ../shared/corpus/gs1-vectors.tsv', () => {
  it('reads the vector file', () => {
    expect(vectors.length).toBeGreaterThan(200)
  })

  for (const v of vectors) {
    const title = `line ${v.line} ${v.valid ? 'valid' : 'invalid'} ${JSON.stringify(v.input)}`
    it(title, () => {
      const options = optionsFor(v)
      if (v.valid) {
        const result = parseGs1(v.input, options)
        expect(rendered(v, result)).toBe(v.expected)
      } else {
        expect(() => parseGs1(v.input, options)).toThrow(Gs1ParseError)
      }
    })
  }
})
