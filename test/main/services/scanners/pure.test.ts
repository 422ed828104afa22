import { describe, expect, it } from 'vitest'
import {
  DuplicateFilter,
  garbageReason,
  LineFramer,
  normalisePayload,
} from '../../../../src/main/services/scanners'
import { fullJitterDelay } from '../../../../src/shared/backoff'

const lines = (framer: LineFramer, ...chunks: string[]) => chunks.flatMap((c) => framer.push(c))

describe('scanner framing', () => {
  it('splits on the configured terminator across chunk boundaries', () => {
    const framer = new LineFramer({ terminator: 'CRLF', maxLineLength: 100 })
    expect(lines(framer, '0101234', '5\r', '\nABC\r\n', 'DE')).toEqual([
      { kind: 'line', line: '01012345' },
      { kind: 'line', line: 'ABC' },
    ])
    expect(framer.takePartial()).toBe('DE')
  })

  it('trims a stray CR/LF when the scanner sends CRLF to a CR or LF profile', () => {
    expect(lines(new LineFramer({ terminator: 'CR', maxLineLength: 100 }), 'A\r\nB\r\n')).toEqual([
      { kind: 'line', line: 'A' },
      { kind: 'line', line: 'B' },
    ])
    expect(lines(new LineFramer({ terminator: 'LF', maxLineLength: 100 }), 'A\r\n\r\nB\n')).toEqual([
      { kind: 'line', line: 'A' },
      { kind: 'line', line: 'B' },
    ])
  })

  it('drops an over-long line whole and carries on with the next', () => {
    const framer = new LineFramer({ terminator: 'LF', maxLineLength: 5 })
    expect(lines(framer, '1234', '5678', '9\nOK\n')).toEqual([
      { kind: 'overflow', length: 9 },
      { kind: 'line', line: 'OK' },
    ])
  })

  it('frames by idle flush when there is no terminator', () => {
    const framer = new LineFramer({ terminator: 'none', maxLineLength: 100 })
    expect(lines(framer, '01095', '20123456788')).toEqual([])
    expect(framer.flush()).toEqual([{ kind: 'line', line: '0109520123456788' }])
    expect(framer.flush()).toEqual([])
  })
})

describe('scanner payload', () => {
  it('strips prefix and suffix and restores GS from its stand-in', () => {
    const profile = { prefix: 'STX:', suffix: ':ETX', gsStandIn: '~' }
    expect(normalisePayload('STX:10ABC~17251231:ETX', profile)).toBe('10ABC\x1D17251231')
    expect(normalisePayload('10ABC', profile)).toBe('10ABC')
  })

  it('recognises garbage but lets GS through', () => {
    expect(garbageReason('10ABC\x1D17251231')).toBeUndefined()
    expect(garbageReason('\x00\x13AB')).toMatch(/control character 0x00/)
    expect(garbageReason('AB\uFFFD')).toMatch(/undecodable/)
  })
})

describe('duplicate suppression', () => {
  it('suppresses the same data from the same device inside the window', () => {
    const filter = new DuplicateFilter(1000)
    expect(filter.isDuplicate('/dev/a', 'X', 0)).toBe(false)
    expect(filter.isDuplicate('/dev/a', 'X', 500)).toBe(true)
    expect(filter.isDuplicate('/dev/b', 'X', 600)).toBe(false)
    expect(filter.isDuplicate('/dev/a', 'Y', 700)).toBe(false)
    // The window slides with each sighting: a held trigger stays one scan.
    expect(filter.isDuplicate('/dev/a', 'X', 1400)).toBe(true)
    expect(filter.isDuplicate('/dev/a', 'X', 2500)).toBe(false)
  })
})

describe('reconnect backoff', () => {
  it('grows exponentially up to the cap, with full jitter above a floor', () => {
    const policy = { baseMs: 100, capMs: 1000, floorMs: 10 }
    const max = () => 0.999999
    expect([0, 1, 2, 3, 4, 10].map((n) => fullJitterDelay(n, policy, max))).toEqual([
      99, 199, 399, 799, 999, 999,
    ])
    expect(fullJitterDelay(5, policy, () => 0)).toBe(10)
    expect(fullJitterDelay(3, policy, () => 0.5)).toBe(400)
  })
})
