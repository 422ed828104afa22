import type { SyncStatus } from '../../sync'

/** Seconds matter here (backoff waits are short), so times show them; other days show the date too. */
export function formatMoment(iso: string | null, now: Date = new Date()): string {
  if (iso === null) return 'Never'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })
  return date.toDateString() === now.toDateString() ? time : `${date.toLocaleDateString()} ${time}`
}

const STATE_TEXT: Record<SyncStatus['state'], string> = {
  unconfigured: 'Not set up',
  idle: 'Up to date, watching for new records',
  syncing: 'Sending…',
  waiting: 'Waiting to try again',
  stopped: 'Stopped',
}

export const describeState = (status: SyncStatus | null): string =>
  status === null ? 'Starting…' : STATE_TEXT[status.state]

/** Records still to send: the live outbox count minus the ones the hub refused (kept apart). */
export function pendingCount(depth: number | null, status: SyncStatus | null): number | null {
  return depth === null ? null : Math.max(0, depth - (status?.rejected ?? 0))
}

/** Why the desk cannot sync right now, or null when nothing stands in the way. */
export function offlineReason(network: boolean, status: SyncStatus | null): string | null {
  if (!network) return 'This computer is offline.'
  if (status !== null && !status.online) return 'The hub cannot be reached.'
  return null
}

/** How long a hub answer counts as "recent": a missed heartbeat (every minute) or two is tolerated. */
export const HUB_FRESH_MS = 3 * 60_000

export interface HubIndicator {
  text: 'Online' | 'Offline' | 'Hub not reached' | 'Sync failing' | 'No hub set up' | 'Checking the hub…'
  tone: 'ok' | 'bad' | 'neutral'
}

/**
 * The status bar's headline, from the same sync status the Sync page shows: "Online" only when
 * the hub answered recently; otherwise what is actually true.
 */
export function hubIndicator(input: {
  network: boolean
  bridgeConnected: boolean
  configured: boolean | null
  status: SyncStatus | null
  now: number
}): HubIndicator {
  const { network, bridgeConnected, configured, status, now } = input
  if (!network || !bridgeConnected) return { text: 'Offline', tone: 'bad' }
  if (configured === false || status?.state === 'unconfigured')
    return { text: 'No hub set up', tone: 'neutral' }
  if (status === null || configured === null) return { text: 'Checking the hub…', tone: 'neutral' }
  if (!status.online) return { text: 'Hub not reached', tone: 'bad' }
  const contact = status.lastContactAt === null ? NaN : Date.parse(status.lastContactAt)
  if (Number.isNaN(contact)) {
    return status.lastAttemptAt === null || status.state === 'syncing'
      ? { text: 'Checking the hub…', tone: 'neutral' }
      : { text: 'Hub not reached', tone: 'bad' }
  }
  if (now - contact > HUB_FRESH_MS) return { text: 'Hub not reached', tone: 'bad' }
  if (status.consecutiveFailures > 0) return { text: 'Sync failing', tone: 'bad' }
  return { text: 'Online', tone: 'ok' }
}
