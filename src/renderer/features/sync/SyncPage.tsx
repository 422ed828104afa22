import { useConnectionStore, useTenantDbStore, useTenantStore } from '../../state'
import { PageHeading } from '../navigation/PageHeading'

export function SyncPage() {
  const tenantId = useTenantStore((s) => s.currentId)
  const depth = useTenantDbStore((s) => s.outboxDepth)
  const error = useTenantDbStore((s) => s.error)
  const network = useConnectionStore((s) => s.network)

  return (
    <>
      <PageHeading>Sync</PageHeading>
      <p className="intro">
        The desk works offline. Each decision is saved here first and queued in the outbox; queued records are
        sent to the central hub, oldest first, whenever it can be reached, and stay queued until the hub
        confirms them.
      </p>
      {tenantId === null ? (
        <p className="empty-state">Choose a tenant in the header to see its outbox.</p>
      ) : (
        <section aria-labelledby="outbox-title" className="card">
          <h2 id="outbox-title">Outbox</h2>
          {error && (
            <p role="alert" className="inline-error">
              Could not open the local store: {error}
            </p>
          )}
          <dl className="facts">
            <dt>Pending records</dt>
            <dd>{depth ?? '…'}</dd>
            <dt>Network</dt>
            <dd>{network ? 'Online' : 'Offline: records wait here until the network is back'}</dd>
          </dl>
          {depth === 0 && (
            <p className="muted">Nothing waiting: everything recorded on this desk has been sent.</p>
          )}
        </section>
      )}
    </>
  )
}
