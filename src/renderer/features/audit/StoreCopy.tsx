import { useEffect, useState } from 'react'
import { useTenantDbStore } from '../../state'
import type { StoreCopyStatus } from '../tenant-db/port'

const time = (iso: string) => new Date(iso).toLocaleString()

/**
 * Whether this tenant's records, audit trail and unsent changes are in the desk's backups: they
 * live in this window's browser storage, and are copied into the desk's data folder after changes.
 */
export function StoreCopy() {
  const handle = useTenantDbStore((s) => s.handle)
  const [status, setStatus] = useState<StoreCopyStatus | null>(null)
  useEffect(() => (handle ? handle.watchStoreCopy(setStatus) : undefined), [handle])
  if (!status) return null
  return (
    <>
      {status.restored && (
        <p role="status" className="muted">
          Restored from a backup taken {time(status.restored.takenAt)}: {status.restored.rows} stored rows
          back
          {status.restored.outboxKept > 0
            ? `, and ${status.restored.outboxKept} unsent change${status.restored.outboxKept === 1 ? '' : 's'} made since kept to send`
            : ''}
          .
        </p>
      )}
      {status.restoreError && (
        <p role="alert" className="inline-error">
          The restored backup’s records were not taken back: {status.restoreError}
        </p>
      )}
      {status.mirrored && (
        <dl className="facts">
          <dt>In backups</dt>
          <dd className={status.error ? 'bad' : undefined}>
            {status.error
              ? `Not copied for backups: ${status.error}. The records are safe in this window; the copy is tried again with the next change.`
              : status.savedAt
                ? `Copied into the desk’s data folder ${time(status.savedAt)}, so a desk backup holds these records and this trail.`
                : 'Copying into the desk’s data folder…'}
          </dd>
        </dl>
      )}
    </>
  )
}
