import { useEffect, useState } from 'react'
import type { AuditEntry } from '../../../shared/audit'
import { describeError } from '../../bridge/errors'
import { useTenantDbStore, useTenantStore } from '../../state'
import { formatTime } from '../documents/format'
import { chainSentence, historyRow, recordHistory } from './history'

/**
 * A record's whole history with the chain's verdict, laid out as the printable audit report:
 * printing shows only this (audit.css @media print), with page numbers in the page margin.
 */
export function RecordHistory({
  entityId,
  label,
  onClose,
}: {
  entityId: string
  label: string
  onClose(): void
}) {
  const handle = useTenantDbStore((s) => s.handle)
  const status = useTenantDbStore((s) => s.audit)
  const tenant = useTenantStore((s) => s.tenants.find((t) => t.id === s.currentId) ?? null)
  const [entries, setEntries] = useState<AuditEntry[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [generatedAt] = useState(() => new Date().toISOString())

  useEffect(() => {
    if (!handle) return
    let live = true
    recordHistory(handle, entityId).then(
      (found) => live && setEntries(found),
      (e: unknown) => live && setError(describeError(e).message),
    )
    return () => {
      live = false
    }
  }, [handle, entityId])

  const rows = (entries ?? []).map(historyRow)
  return (
    <section aria-label={`History of ${label}`} className="card audit-report">
      <h3>Audit report: {label}</h3>
      <dl className="facts">
        <dt>Desk tenant</dt>
        <dd>{tenant ? `${tenant.name} (${tenant.id})` : '—'}</dd>
        <dt>Record</dt>
        <dd>{entityId}</dd>
        <dt>Chain hash</dt>
        <dd className="hash">{rows.at(-1)?.hash ?? '—'}</dd>
        <dt>Generated at</dt>
        <dd>{generatedAt}</dd>
      </dl>
      <p>{chainSentence(status, entries ?? [])}</p>
      {error && (
        <p role="alert" className="inline-error">
          Could not read the history: {error}
        </p>
      )}
      {entries === null && !error && <p className="muted">Reading the history…</p>}
      {entries !== null && (
        <table className="data-table" aria-label="Record history">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Before → after</th>
              <th scope="col">Reason</th>
              <th scope="col">Signature</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.seq}>
                <td className="num">{r.seq}</td>
                <td>
                  <time dateTime={r.at}>{formatTime(r.at)}</time>
                </td>
                <td>{r.actor}</td>
                <td>{r.action}</td>
                <td>
                  {r.changes.map((c) => (
                    <div key={c}>{c}</div>
                  ))}
                </td>
                <td>{r.reason ?? ''}</td>
                <td>{r.signature ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="no-print">
        <button type="button" onClick={() => window.print()}>
          Print audit report
        </button>{' '}
        <button type="button" onClick={onClose}>
          Close history
        </button>
      </div>
    </section>
  )
}
