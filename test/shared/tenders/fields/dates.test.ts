import { describe, expect, it } from 'vitest'
import { parseDate } from '../../../../src/shared/tenders/fields'

const iso = (text: string) => parseDate(text)?.value.iso

describe('bid dates and times as notices write them', () => {
  it('reads the time after the date, in the ways portals write it', () => {
    expect(iso('23/07/2026 at 13:00')).toBe('2026-07-23T13:00:00+05:30')
    expect(iso('20.04.2026 upto 15:00 hrs')).toBe('2026-04-20T15:00:00+05:30')
    expect(iso('20-Nov-2025 03:00 PM')).toBe('2025-11-20T15:00:00+05:30')
  })

  it("reads through OCR's space inside the hour, after its colon, or inside the month", () => {
    expect(iso('02/09/2026 at 1 1:00')).toBe('2026-09-02T11:00:00+05:30')
    expect(iso('02/09/2026 at 13: 30')).toBe('2026-09-02T13:30:00+05:30')
    expect(iso('09/1 2/2026 at 18:30')).toBe('2026-12-09T18:30:00+05:30')
  })

  it('keeps a date without a time as a date', () => {
    expect(parseDate('02/09/2026 and 45 items')?.value).toEqual({ iso: '2026-09-02', hasTime: false })
  })
})
