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
