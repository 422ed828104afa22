import type { CoaRecord, SpecificationRow } from '../../db'
import { compileSpec } from '../../../shared/qc'
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
  if (records.length === 0)
    return <p className="empty-state">No COA records yet: run a check below, or scan a batch label.</p>
  return (
    <table className="data-table" aria-label="COA records">
      <thead>
        <tr>
          <th scope="col">Batch</th>
          <th scope="col">Product</th>
          <th scope="col">Verdict</th>
          <th scope="col">Status</th>
          <th scope="col">Updated</th>
        </tr>
      </thead>
      <tbody>
        {records.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              <button type="button" className="link" onClick={() => openRecord(r.id)}>
                {r.batch}
              </button>
            </th>
            <td>{r.product || '—'}</td>
            <td>{verdictOf(r, specs)}</td>
            <td>{STATUS_TEXT[r.status]}</td>
            <td>{r.updatedAt.slice(0, 16).replace('T', ' ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
export { STATUS_TEXT }
