import { useMemo, useRef, useState } from 'react'
import { compileSpec } from '../../../shared/qc'
import type { UserView } from '../../../shared/contract'
import type { CoaRecord, SpecificationRow, TenantDb } from '../../db'
import { SamplingPanel } from './sampling/SamplingPanel'
import { CellPage } from './CellPage'
import { pagesOf } from './cells'
import { reviewReport } from './effective'
import { EditValueForm } from './EditValueForm'
import { NewCheckForm } from './NewCheckForm'
import { ParameterTable } from './ParameterTable'
import { openRecord } from './qc-store'
import { STATUS_TEXT } from './RecordList'
import { expiryMismatch } from './scan-link'
import { SignForm } from './SignForm'
import { LayoutTemplatePanel } from './templates/LayoutTemplatePanel'

interface Props {
  db: TenantDb
  record: CoaRecord
  specs: SpecificationRow[]
  /** Desk users who can sign (useDeskSigners). */
  signers: UserView[]
}

function Facts({ record, spec }: { record: CoaRecord; spec: SpecificationRow | undefined }) {
  const r = record.report
  return (
    <dl className="facts qc-facts">
      <dt>Batch</dt>
      <dd>{record.batch}</dd>
      <dt>Product</dt>
      <dd>{r?.product ?? (record.product || '—')}</dd>
      {r?.supplier && (
        <>
          <dt>Supplier</dt>
          <dd>{r.supplier}</dd>
        </>
      )}
      <dt>Status</dt>
      <dd>{STATUS_TEXT[record.status]}</dd>
      <dt>Document</dt>
      <dd>{record.documentName ?? 'none yet'}</dd>
      <dt>Specification</dt>
      <dd>{spec ? `${spec.product} v${spec.version}` : '—'}</dd>
      <dt>Manufactured</dt>
      <dd>{r?.manufactured ?? '—'}</dd>
      <dt>Expiry</dt>
      <dd>{r?.expiry ?? '—'}</dd>
    </dl>
  )
}

/**
 * One batch's COA: the parsed table and the page side by side (stacked on narrower screens),
 * corrections, signatures, sampling.
 */
export function ReviewScreen({ db, record, specs, signers }: Props) {
  const specRow = specs.find((s) => s.id === record.specId)
  const compiled = useMemo(() => (specRow ? compileSpec(specRow.spec) : undefined), [specRow])
  const reviewed = useMemo(
    () => (record.report ? reviewReport(record.report, compiled, record.edits) : undefined),
    [record.report, compiled, record.edits],
  )
  const [selected, setSelected] = useState<string | null>(null)
  const [editing, setEditing] = useState<string | null>(null)
  const editOpener = useRef<HTMLButtonElement | null>(null)
  const [pageChoice, setPageChoice] = useState<number | null>(null)
  const report = record.report
  const pages = report ? pagesOf(report) : []
  const selectedParam = reviewed?.parameters.find((p) => p.specName === selected)
  const page = pageChoice ?? selectedParam?.cells?.result?.page ?? pages[0] ?? 1
  const closed = record.status === 'approved' || record.status === 'rejected'
  const labelExpiry = [...record.scans].reverse().find((s) => s.expiry)?.expiry
  const expiryWarning = expiryMismatch(labelExpiry, report?.expiry)
  const editingParam = reviewed?.parameters.find((p) => p.specName === editing)

  return (
    <section className="qc-review" aria-labelledby="qc-record-title">
      <button type="button" className="link" onClick={() => openRecord(null)}>
        ← All COA records
      </button>
      <h2 id="qc-record-title">Batch {record.batch}</h2>
      <Facts record={record} spec={specRow} />
      {expiryWarning && (
        <p role="alert" className="qc-warning">
          {expiryWarning}
        </p>
      )}
      {!report && <NewCheckForm db={db} specifications={specs} record={record} />}
      {report && reviewed && (
        <>
          <p className={`qc-verdict verdict-${reviewed.verdict}`}>
            Verdict: <strong>{reviewed.verdict.toUpperCase()}</strong>
            {reviewed.failing.length > 0 && ` — out of specification: ${reviewed.failing.join(', ')}`}
          </p>
          <ul className="qc-checks" aria-label="Checks">
            {report.checks.map((c) => (
              <li key={c.name} className={`check-${c.status}`}>
                {c.name}: {c.status} — {c.detail}
              </li>
            ))}
          </ul>
          <LayoutTemplatePanel db={db} record={record} />
          <div className="qc-side-by-side">
            <div className="qc-table-pane">
              <ParameterTable
                parameters={reviewed.parameters}
                selected={selected}
                onSelect={(name) => {
                  setSelected(name)
                  setPageChoice(null)
                }}
                onEdit={
                  closed
                    ? null
                    : (name, opener) => {
                        editOpener.current = opener
                        setEditing(name)
                      }
                }
              />
              {editingParam && (
                <EditValueForm
                  db={db}
                  record={record}
                  parameter={editingParam}
                  onDone={() => {
                    setEditing(null)
                    editOpener.current?.focus()
                  }}
                />
              )}
            </div>
            <div className="qc-page-pane">
              {pages.length > 1 && (
                <label>
                  Page
                  <select value={page} onChange={(e) => setPageChoice(Number(e.target.value))}>
                    {pages.map((p) => (
                      <option key={p} value={p}>
                        {p}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              {record.documentId && record.documentHash ? (
                <CellPage
                  report={report}
                  documentId={record.documentId}
                  documentHash={record.documentHash}
                  page={page}
                  selectedRow={selectedParam?.row}
                  onPickRow={(row) => {
                    const p = reviewed.parameters.find((x) => x.row === row)
                    if (p) setSelected(p.specName)
                  }}
                />
              ) : (
                <p className="muted">No document.</p>
              )}
            </div>
          </div>
          <section className="card" aria-labelledby="qc-signatures">
            <h3 id="qc-signatures">Signatures</h3>
            {record.signatures.length === 0 ? (
              <p className="muted">Not signed yet.</p>
            ) : (
              <ul aria-label="Signatures">
                {record.signatures.map((s) => (
                  <li key={`${s.signer}-${s.meaning}-${s.at}`}>
                    {s.signer} — {s.meaning} — {new Date(s.at).toLocaleString()}
                  </li>
                ))}
              </ul>
            )}
            {!closed && <SignForm db={db} record={record} signers={signers} />}
          </section>
        </>
      )}
      <SamplingPanel db={db} record={record} />
    </section>
  )
}
