import { useEffect, useState } from 'react'
import { describeError } from '../../bridge/errors'
import { useTenantDbStore } from '../../state'
import { formatTime } from '../documents/format'
import { describeAuditEntry, type AuditEntryView } from './describe'
import { RecordHistory } from './RecordHistory'

export const AUDIT_PAGE_SIZE = 25

type Loaded = { total: number; entries: AuditEntryView[] }

/**
 * The audit log itself, newest first, a page at a time: when, who, what was done to which record,
 * and a short summary from the entry's own snapshot. Reloaded with each verification, so a check
 * after new decisions shows them.
 */
export function AuditEntries() {
  const handle = useTenantDbStore((s) => s.handle)
  const audit = useTenantDbStore((s) => s.audit)
  const [offset, setOffset] = useState(0)
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [history, setHistory] = useState<{ entityId: string; label: string } | null>(null)

  useEffect(() => {
    if (!handle) return
    let live = true
    handle.auditEntries(offset, AUDIT_PAGE_SIZE).then(
      ({ total, entries }) => {
        if (!live) return
        setLoaded({ total, entries: entries.map(describeAuditEntry) })
        setError(null)
      },
      (e: unknown) => live && setError(describeError(e).message),
    )
    return () => {
      live = false
    }
  }, [handle, offset, audit])

  if (error)
    return (
      <p role="alert" className="inline-error">
        Could not read the audit entries: {error}
      </p>
    )
  if (!loaded) return <p className="muted">Reading the entries…</p>
  if (loaded.total === 0) return <p className="muted">No entries yet.</p>

  const from = offset + 1
  const to = offset + loaded.entries.length
  return (
    <div className="audit-entries">
      <div className="table-scroll">
        <table className="data-table" aria-label="Audit entries" aria-describedby="audit-range">
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col">Time</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Record</th>
              <th scope="col">Summary</th>
            </tr>
          </thead>
          <tbody>
            {loaded.entries.map((e) => (
              <tr key={e.seq}>
                <td className="num">{e.seq}</td>
                <td>
                  <time dateTime={e.at}>{formatTime(e.at)}</time>
                </td>
                <td>{e.actor}</td>
                <th scope="row">
                  {e.action} · {e.what}
                </th>
                <td title={e.entityId}>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`History of ${e.record}`}
                    onClick={() => setHistory({ entityId: e.entityId, label: e.record })}
                  >
                    {e.record}
                  </button>
                </td>
                <td>{e.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="pager">
        <button
          type="button"
          onClick={() => setOffset(Math.max(0, offset - AUDIT_PAGE_SIZE))}
          disabled={offset === 0}
        >
          Newer
        </button>
        <span id="audit-range" role="status">
          Entries {from}–{to} of {loaded.total}, newest first
        </span>
        <button
          type="button"
          onClick={() => setOffset(offset + AUDIT_PAGE_SIZE)}
          disabled={to >= loaded.total}
        >
          Older
        </button>
      </div>
      {history && (
        <RecordHistory
          key={history.entityId}
          entityId={history.entityId}
          label={history.label}
          onClose={() => setHistory(null)}
        />
      )}
    </div>
  )
}
