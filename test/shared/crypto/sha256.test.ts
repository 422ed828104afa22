import { createHash, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { sha256, sha256Hex } from '../../../src/shared/crypto/sha256'

const node = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex')

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
  ])('matches the NIST vector for %j', (input, expected) => {
    expect(sha256Hex(input)).toBe(expected)
  })

  it('matches the NIST vector for one million "a"', () => {
    expect(sha256Hex('a'.repeat(1_000_000))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    )
  })

  it('hashes strings as UTF-8', () => {
    const text = 'Prüfzertifikat № 7 — 合格 ✅'
    expect(sha256Hex(text)).toBe(node(text))
  })

  it('agrees with node:crypto on random inputs of every length around the padding boundaries', () => {
    for (let length = 0; length < 300; length++) {
      const data = new Uint8Array(randomBytes(length))
      expect(sha256Hex(data), `length ${length}`).toBe(node(data))
    }
    for (let i = 0; i < 20; i++) {
      const data = new Uint8Array(randomBytes(1 + Math.floor(Math.random() * 100_000)))
      expect(sha256Hex(data)).toBe(node(data))
    }
  })

  it('hashes a view into a larger buffer without reading outside it', () => {
    const buffer = new Uint8Array(randomBytes(200))
    const view = buffer.subarray(37, 150)
    expect(sha256Hex(view)).toBe(node(view))
  })

  it('returns 32 raw bytes from sha256', () => {
    expect(sha256('abc')).toHaveLength(32)
  })
})
