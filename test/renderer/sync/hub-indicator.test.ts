import { describe, expect, it } from 'vitest'
import { HUB_FRESH_MS, hubIndicator } from '../../../src/renderer/features/sync/describe-sync'
import { INITIAL_STATUS, type SyncStatus } from '../../../src/renderer/sync'

const NOW = Date.parse('2026-03-01T10:00:00Z')
const at = (msAgo: number) => new Date(NOW - msAgo).toISOString()
const base = { network: true, bridgeConnected: true, configured: true, now: NOW }
const status = (patch: Partial<SyncStatus>): SyncStatus => ({ ...INITIAL_STATUS, state: 'idle', ...patch })

describe('status bar hub indicator', () => {
  it('says Online only when the hub answered recently', () => {
    expect(hubIndicator({ ...base, status: status({ lastContactAt: at(5_000) }) })).toEqual({
      text: 'Online',
      tone: 'ok',
    })
    expect(hubIndicator({ ...base, status: status({ lastContactAt: at(HUB_FRESH_MS + 1) }) }).text).toBe(
      'Hub not reached',
    )
  })

  it('says what is true otherwise', () => {
    const failed = status({
      state: 'waiting',
      online: false,
      lastAttemptAt: at(1_000),
      lastContactAt: at(10_000),
      lastError: 'hub unreachable: Failed to fetch',
      consecutiveFailures: 1,
    })
    expect(hubIndicator({ ...base, status: failed }).text).toBe('Hub not reached')
    expect(hubIndicator({ ...base, network: false, status: failed }).text).toBe('Offline')
    expect(hubIndicator({ ...base, configured: false, status: null }).text).toBe('No hub set up')
    expect(hubIndicator({ ...base, status: status({ state: 'unconfigured' }) }).text).toBe('No hub set up')
    expect(hubIndicator({ ...base, status: null }).text).toBe('Checking the hub…')
    expect(
      hubIndicator({ ...base, status: status({ lastContactAt: at(1_000), consecutiveFailures: 2 }) }).text,
    ).toBe('Sync failing')
  })
})
