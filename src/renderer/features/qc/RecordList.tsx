import { Fragment, useState } from 'react'
import type { CoaRecord, SpecificationRow } from '../../db'
import { compileSpec } from '../../../shared/qc'
import { announce } from '../../state'
import { ArchiveDialog } from './ArchiveDialog'
import { reviewReport } from './effective'
import { openRecord } from './qc-store'

const STATUS_TEXT = {
  'awaiting-coa': 'Awaiting COA',
  'in-review': 'In review',
  approved: 'Approved',
  rejected: 'Rejected',
} as const

export function verdictOf(record: CoaRecord, specs: SpecificationRow[]): string {
  if (!record.report) return '—'
  const spec = specs.find((s) => s.id === record.specId)
  return reviewReport(record.report, spec ? compileSpec(spec.spec) : undefined, record.edits).verdict
}

export function RecordList({ records, specs }: { records: CoaRecord[]; specs: SpecificationRow[] }) {
  const [showArchived, setShowArchived] = useState(false)
  const [archiving, setArchiving] = useState<string | null>(null)
  const archivedCount = records.filter((r) => r.archived).length
  const shown = showArchived ? records : records.filter((r) => !r.archived)
  const toggle = archivedCount > 0 && (
    <label className="qc-show-archived">
      <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
      Show archived ({archivedCount})
    </label>
  )
  if (shown.length === 0)
    return (
      <>
        {toggle}
        <p className="empty-state">
          {records.length > 0
            ? 'Every record is archived: "Show archived" lists them.'
            : 'No COA records yet: run a check below, or scan a batch label.'}
        </p>
      </>
    )
  return (
    <>
      {toggle}
      <table className="data-table" aria-label="COA records">
        <thead>
          <tr>
            <th scope="col">Batch</th>
            <th scope="col">Product</th>
            <th scope="col">Verdict</th>
            <th scope="col">Status</th>
            <th scope="col">Updated</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <Fragment key={r.id}>
              <tr className={r.archived ? 'archived' : undefined}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => openRecord(r.id)}>
                    {r.batch}
                  </button>
                </th>
                <td>{r.product || '—'}</td>
                <td>{verdictOf(r, specs)}</td>
                <td>
                  {STATUS_TEXT[r.status]}
                  {r.archived ? ` · Archived by ${r.archived.by}: ${r.archived.reason}` : ''}
                </td>
                <td>{r.updatedAt.slice(0, 16).replace('T', ' ')}</td>
                <td>
                  <button
                    type="button"
                    className="link"
                    aria-label={`${r.archived ? 'Restore' : 'Archive'} batch ${r.batch}`}
                    aria-expanded={archiving === r.id}
                    onClick={() => setArchiving(archiving === r.id ? null : r.id)}
                  >
                    {r.archived ? 'Restore…' : 'Archive…'}
                  </button>
                </td>
              </tr>
              {archiving === r.id && (
                <tr>
                  <td colSpan={6}>
                    <ArchiveDialog
                      record={r}
                      onClose={(done) => {
                        setArchiving(null)
                        if (done) announce(done)
                      }}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </>
  )
}
export { STATUS_TEXT }
