import { describe, expect, it } from 'vitest'
import { createUuidV7, isUuidV7, uuidv7, uuidv7Timestamp } from '../../../src/shared/ids/uuidv7'

describe('uuidv7', () => {
  it('has the RFC 9562 layout: version 7, variant 10, the creation time in the first 48 bits', () => {
    const before = Date.now()
    const id = uuidv7()
    const after = Date.now()
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(isUuidV7(id)).toBe(true)
    expect(uuidv7Timestamp(id)).toBeGreaterThanOrEqual(before)
    expect(uuidv7Timestamp(id)).toBeLessThanOrEqual(after)
  })

  it('sorts in creation order even when many ids are made in the same millisecond', () => {
    const next = createUuidV7({ now: () => 1_700_000_000_000, fill: (b) => crypto.getRandomValues(b) })
    const ids = Array.from({ length: 10_000 }, next)
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
    expect(uuidv7Timestamp(ids[9_999] as string)).toBe(1_700_000_000_000)
  })

  it('sorts in creation order across milliseconds and real time', () => {
    const ids = Array.from({ length: 5_000 }, () => uuidv7())
    expect([...ids].sort()).toEqual(ids)
  })

  it('keeps ordering when the clock steps backwards', () => {
    let now = 2_000_000_000_000
    const next = createUuidV7({ now: () => now, fill: (b) => crypto.getRandomValues(b) })
    const a = next()
    now -= 5_000
    const b = next()
    expect(b > a).toBe(true)
  })

  it('rejects non-v7 ids when reading the timestamp', () => {
    expect(() => uuidv7Timestamp('6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toThrow(/not a UUIDv7/)
  })
})
