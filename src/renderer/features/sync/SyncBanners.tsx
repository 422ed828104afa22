import { useConnectionStore, useSyncStore, showPage } from '../../state'
import { offlineReason } from './describe-sync'

/** Offline, not set up, or waiting for a reload: what stops records from leaving this desk. */
export function SyncBanners({ depth }: { depth: number | null }) {
  const network = useConnectionStore((s) => s.network)
  const status = useSyncStore((s) => s.status)
  const configured = useSyncStore((s) => s.configured)
  const reloadNeeded = useSyncStore((s) => s.reloadNeeded)
  const offline = configured === false ? null : offlineReason(network, status)

  return (
    <>
      {offline && (
        <div role="status" aria-label="Offline" className="sync-banner">
          <p>
            <strong>Offline.</strong> {offline} Records are kept on this desk
            {depth ? ` (${depth} waiting)` : ''} and sent when the hub answers again.
          </p>
        </div>
      )}
      {configured === false && (
        <div className="card">
          <p>This tenant has no hub connection yet, so its records stay on this desk.</p>
          <button type="button" onClick={() => showPage('settings')}>
            Set up the hub connection
          </button>
        </div>
      )}
      {reloadNeeded && (
        <div role="status" aria-label="Reload needed" className="sync-banner">
          <p>
            A new hub address was saved. Reload the desk so it is allowed to connect to it.{' '}
            <button type="button" onClick={() => window.location.reload()}>
              Reload now
            </button>
          </p>
        </div>
      )}
    </>
  )
}
