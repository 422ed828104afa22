import { useEffect, useState } from 'react'
import {
  currentTenant,
  useConnectionStore,
  useSyncStore,
  useTenantDbStore,
  useTenantStore,
} from '../../state'
import { formatMoment, hubIndicator, pendingCount } from '../sync/describe-sync'

const BRIDGE_TEXT = {
  connecting: 'Connecting to desk service…',
  connected: 'Connected',
  reconnecting: 'Connection lost, reconnecting…',
  closed: 'Disconnected',
} as const

/** Re-renders every so often, so "Online" lapses when the hub stops answering. */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}

export function StatusBar() {
  const bridge = useConnectionStore((s) => s.bridge)
  const network = useConnectionStore((s) => s.network)
  const tenant = useTenantStore(currentTenant)
  const sync = useSyncStore((s) => s.status)
  const syncTenant = useSyncStore((s) => s.tenant)
  const configured = useSyncStore((s) => s.configured)
  const outboxDepth = useTenantDbStore((s) => s.outboxDepth)
  const depth = pendingCount(outboxDepth, sync)
  // The status store belongs to one tenant; another tenant's status says nothing about this one.
  const status = tenant && syncTenant === tenant.id ? sync : null
  const hub = hubIndicator({
    network,
    bridgeConnected: bridge === 'connected',
    configured: tenant ? configured : false,
    status,
    now: useNow(15_000),
  })

  return (
    <footer role="contentinfo" className="status-bar">
      <span className={`status-item ${hub.tone === 'neutral' ? '' : hub.tone}`.trim()}>
        <span className="dot" aria-hidden="true" />
        {hub.text}
      </span>
      <span className="status-item">Network: {network ? 'available' : 'none'}</span>
      <span className="status-item">Desk service: {BRIDGE_TEXT[bridge]}</span>
      <span className="status-item">Outbox: {tenant ? `${depth ?? '…'} pending` : '—'}</span>
      {tenant && <span className="status-item">Last sync: {formatMoment(sync?.lastSuccessAt ?? null)}</span>}
      <span className="status-item">Tenant: {tenant ? tenant.name : 'none'}</span>
    </footer>
  )
}
