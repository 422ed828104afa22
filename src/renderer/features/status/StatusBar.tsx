import {
  currentTenant,
  useConnectionStore,
  useSyncStore,
  useTenantDbStore,
  useTenantStore,
} from '../../state'
import { formatMoment, pendingCount } from '../sync/describe-sync'

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
  const sync = useSyncStore((s) => s.status)
  const outboxDepth = useTenantDbStore((s) => s.outboxDepth)
  const depth = pendingCount(outboxDepth, sync)
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
      {tenant && <span className="status-item">Last sync: {formatMoment(sync?.lastSuccessAt ?? null)}</span>}
      <span className="status-item">Tenant: {tenant ? tenant.name : 'none'}</span>
    </footer>
  )
}
