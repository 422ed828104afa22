import { describe, expect, it } from 'vitest'
import { canonicalJson, isCanonicalJson } from '../../../src/shared/audit/canonical'

describe('canonicalJson', () => {
  it('gives the same text whatever order keys were written in', () => {
    const a = { b: 1, a: { d: [1, { z: true, y: null }], c: 'x' } }
    const b = { a: { c: 'x', d: [1, { y: null, z: true }] }, b: 1 }
    expect(canonicalJson(a)).toBe(canonicalJson(b))
    expect(canonicalJson(a)).toBe('{"a":{"c":"x","d":[1,{"y":null,"z":true}]},"b":1}')
  })

  it('drops undefined members, so a value hashes the same before and after a JSON round trip', () => {
    const stored = { id: 'x', reason: undefined, value: { note: undefined, ok: true } }
    expect(canonicalJson(stored)).toBe(canonicalJson(JSON.parse(JSON.stringify(stored))))
    expect(canonicalJson(stored)).toBe('{"id":"x","value":{"ok":true}}')
  })

  it('formats numbers stably', () => {
    expect(canonicalJson([-0, 0, 1.5, 1e21, 1e-7, 0.1 + 0.2, 100])).toBe(
      '[0,0,1.5,1e+21,1e-7,0.30000000000000004,100]',
    )
  })

  it('escapes strings like JSON and sorts keys by code unit', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, '"q"': 'line\nbreak' })).toBe(
      '{"\\"q\\"":"line\\nbreak","Z":3,"z":2,"é":1}',
    )
  })

  it.each([
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['a function', () => 1],
    ['a bigint', 1n],
    ['a Date', new Date(0)],
    ['a Map', new Map()],
    ['undefined in an array', [1, undefined]],
  ])('refuses %s rather than hash something other than what was stored', (_label, value) => {
    expect(() => canonicalJson({ nested: value })).toThrow(TypeError)
    expect(isCanonicalJson({ nested: value })).toBe(false)
  })

  it('refuses a bare undefined', () => {
    expect(() => canonicalJson(undefined)).toThrow(TypeError)
  })

  it('accepts null-prototype objects', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { b: 2, a: 1 })
    expect(canonicalJson(bare)).toBe('{"a":1,"b":2}')
  })
})
