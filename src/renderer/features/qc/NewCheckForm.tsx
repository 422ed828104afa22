import { useState, type FormEvent } from 'react'
import { describeError } from '../../bridge/errors'
import type { CoaRecord, SpecificationRow, TenantDb } from '../../db'
import { useDocumentStore } from '../../state'
import { useServices } from '../services/context'
import { latestPerProduct } from './specifications/library'
import { actorName, openRecord } from './qc-store'
import { createRecord, findRecordByBatch, saveCheck } from './records'

interface Props {
  db: TenantDb
  specifications: SpecificationRow[]
  /** Checking a COA for a record that already exists (a batch scanned before its COA arrived). */
  record?: CoaRecord
}

/** Runs qc.check on an imported document against a chosen specification version and files the report. */
export function NewCheckForm({ db, specifications, record }: Props) {
  const { desk } = useServices()
  const documents = useDocumentStore((s) => s.documents).filter((d) => d.extraction?.state === 'done')
  const latest = latestPerProduct(specifications)
  const [documentId, setDocumentId] = useState('')
  const [specId, setSpecId] = useState('')
  const [expected, setExpected] = useState(record?.batch ?? '')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const docId = documentId || record?.documentId || documents[0]?.id || ''
  const chosenSpec = specifications.find((s) => s.id === (specId || latest[0]?.id))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const document = documents.find((d) => d.id === docId)
    if (!document) return setError('Choose a document that has been read.')
    if (!chosenSpec) return setError('Import a specification first.')
    setBusy(true)
    setError(null)
    try {
      const batchGiven = expected.trim()
      const report = await desk.qc.check({
        documentId: document.id,
        spec: chosenSpec.spec,
        ...(batchGiven ? { expectedBatch: batchGiven } : {}),
      })
      const batch = record?.batch ?? (batchGiven || report.batch || document.name)
      const target =
        record ??
        (await findRecordByBatch(db, batch)) ??
        (await createRecord(db, { batch, product: report.product ?? chosenSpec.product }, actorName()))
      await saveCheck(
        db,
        target,
        {
          report,
          spec: chosenSpec,
          documentId: document.id,
          documentName: document.name,
          documentHash: document.sha256,
        },
        actorName(),
      )
      openRecord(target.id)
    } catch (e) {
      setError(describeError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="card qc-new"
      aria-label={record ? 'Check the COA' : 'New COA check'}
      onSubmit={(e) => void submit(e)}
    >
      <h2>{record ? 'Check the COA for this batch' : 'New COA check'}</h2>
      <label>
        Document
        <select value={docId} onChange={(e) => setDocumentId(e.target.value)}>
          {documents.length === 0 && <option value="">No read documents yet</option>}
          {documents.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Specification
        <select value={chosenSpec?.id ?? ''} onChange={(e) => setSpecId(e.target.value)}>
          {specifications.length === 0 && <option value="">No specifications yet</option>}
          {[...specifications]
            .sort((a, b) => a.product.localeCompare(b.product) || b.version - a.version)
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.product} v{s.version}
              </option>
            ))}
        </select>
      </label>
      {!record && (
        <label>
          Expected batch (optional)
          <input value={expected} onChange={(e) => setExpected(e.target.value)} />
        </label>
      )}
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Checking…' : 'Run check'}
      </button>
    </form>
  )
}
