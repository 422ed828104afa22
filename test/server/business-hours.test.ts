import { describe, expect, it } from 'vitest'
import {
  businessMinutesBetween,
  isBusinessTime,
  parseBusinessHours,
} from '../../server/alerts/business-hours'
import { loadConfig } from '../../server/config'

describe('business hours', () => {
  const hours = parseBusinessHours('mon-fri 08:00-12:00,13:00-17:00; sat 09:00-12:00')

  it('follows the configured zone, including daylight saving', () => {
    // 07:30 UTC on a summer Monday is 09:30 in Berlin (CEST), 08:30 in winter.
    expect(isBusinessTime(new Date('2026-07-06T07:30:00Z'), hours, 'Europe/Berlin')).toBe(true)
    expect(isBusinessTime(new Date('2026-07-06T07:30:00Z'), hours, 'UTC')).toBe(false)
    expect(isBusinessTime(new Date('2026-07-06T10:30:00Z'), hours, 'Europe/Berlin')).toBe(false) // lunch
    expect(isBusinessTime(new Date('2026-07-12T10:00:00Z'), hours, 'UTC')).toBe(false) // Sunday
  })

  it('counts quiet minutes only inside the windows', () => {
    const from = new Date('2026-03-06T16:50:00Z') // Friday
    const to = new Date('2026-03-09T08:20:00Z') // Monday
    // Fri 16:50-17:00 (10) + Sat 09:00-12:00 (180) + Mon 08:00-08:20 (20)
    expect(businessMinutesBetween(from, to, hours, 'UTC', 10_000)).toBe(210)
    expect(businessMinutesBetween(from, to, hours, 'UTC', 30)).toBe(31) // stops once over the limit
  })

  it('rejects configuration it cannot read', () => {
    expect(() => parseBusinessHours('weekdays 9-5')).toThrow(/BUSINESS_HOURS/)
    expect(() => loadConfig({ BUSINESS_TZ: 'Mars/Olympus' })).toThrow(/BUSINESS_TZ/)
    expect(() => loadConfig({ ALERT_WEBHOOKS: 'ftp://x' })).toThrow(/ALERT_WEBHOOKS/)
    expect(loadConfig({ DATABASE_URL: 'postgres://hub@db.internal/pebble' }).HOST).toBe('127.0.0.1')
  })
})
