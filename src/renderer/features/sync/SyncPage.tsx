import { useSyncStore, useTenantDbStore, useTenantStore } from '../../state'
import { PageHeading } from '../navigation/PageHeading'
import { describeState, formatMoment, pendingCount } from './describe-sync'
import { SyncBanners } from './SyncBanners'
import './sync.css'

export function SyncPage() {
  const tenantId = useTenantStore((s) => s.currentId)
  const depth = useTenantDbStore((s) => s.outboxDepth)
  const dbError = useTenantDbStore((s) => s.error)
  const status = useSyncStore((s) => s.status)
  const syncError = useSyncStore((s) => s.error)
  const configured = useSyncStore((s) => s.configured)
  const send = useSyncStore((s) => s.send)
  const pending = pendingCount(depth, status)
  const rejected = status?.rejected ?? 0

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
        <>
          <SyncBanners depth={pending} />
          <section aria-labelledby="outbox-title" className="card">
            <h2 id="outbox-title">Outbox</h2>
            {dbError && (
              <p role="alert" className="inline-error">
                Could not open the local store: {dbError}
              </p>
            )}
            {syncError && (
              <p role="alert" className="inline-error">
                Sync problem: {syncError}
              </p>
            )}
            <dl className="facts">
              <dt>Pending records</dt>
              <dd>{pending ?? '…'}</dd>
              <dt>Rejected by the hub</dt>
              <dd className={rejected > 0 ? 'bad' : undefined}>{rejected}</dd>
              <dt>Sync</dt>
              <dd>{describeState(status)}</dd>
              <dt>Last successful sync</dt>
              <dd>{formatMoment(status?.lastSuccessAt ?? null)}</dd>
              <dt>Last error</dt>
              <dd>{status?.lastError ?? 'None'}</dd>
              <dt>Next attempt</dt>
              <dd>{status?.nextAttemptAt ? formatMoment(status.nextAttemptAt) : '—'}</dd>
            </dl>
            {pending === 0 && rejected === 0 && (
              <p className="muted">Nothing waiting: everything recorded on this desk has been sent.</p>
            )}
            <div className="sync-actions">
              <button
                type="button"
                disabled={send === null || configured !== true}
                onClick={() => send?.({ type: 'sync-now' })}
              >
                Sync now
              </button>
              <button
                type="button"
                disabled={send === null || rejected === 0}
                onClick={() => send?.({ type: 'retry-rejected' })}
              >
                Retry rejected
              </button>
            </div>
          </section>
        </>
      )}
    </>
  )
}
