import { currentTenant, useConnectionStore, useTenantDbStore, useTenantStore } from '../../state'

const BRIDGE_TEXT = {
  connecting: 'Connecting to desk service…',
  connected: 'Connected',
  reconnecting: 'Connection lost, reconnecting…',
  closed: 'Disconnected',
} as const

export function StatusBar() {
  const bridge = useConnectionStore((s) => s.bridge)
  const network = useConnectionStore((s) => s.network)
  const tenant = useTenantStore(currentTenant)
  const depth = useTenantDbStore((s) => s.outboxDepth)
  const online = network && bridge === 'connected'

  return (
    <footer role="contentinfo" className="status-bar">
      <span className={`status-item ${online ? 'ok' : 'bad'}`}>
        <span className="dot" aria-hidden="true" />
        {online ? 'Online' : 'Offline'}
      </span>
      <span className="status-item">Network: {network ? 'available' : 'none'}</span>
      <span className="status-item">Desk service: {BRIDGE_TEXT[bridge]}</span>
      <span className="status-item">Outbox: {tenant ? `${depth ?? '…'} pending` : '—'}</span>
      <span className="status-item">Tenant: {tenant ? tenant.name : 'none'}</span>
    </footer>
  )
}
