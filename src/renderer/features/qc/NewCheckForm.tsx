import { useState, type FormEvent } from 'react'
import type { DocumentRecord } from '../../../shared/contract'
import { DOC_TYPE_LABELS } from '../../../shared/documents/doctype/types'
import { describeError } from '../../bridge/errors'
import type { CoaRecord, SpecificationRow, TenantDb } from '../../db'
import { announce, useDocumentStore } from '../../state'
import { batchFiles, readAsBase64 } from '../../bridge/upload-files'
import { useServices } from '../services/context'
import { latestPerProduct } from './specifications/library'
import { actorName, openRecord } from './qc-store'
import { waitForJob } from './qc-import'
import { createRecord, findRecordByBatch, saveCheck } from './records'
import { listTemplates } from './templates/layout-templates'

interface Props {
  db: TenantDb
  specifications: SpecificationRow[]
  /** Checking a COA for a record that already exists (a batch scanned before its COA arrived). */
  record?: CoaRecord
}

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.tif,.tiff,application/pdf,image/png,image/jpeg,image/tiff'

const isCoa = (d: DocumentRecord) => d.docType?.type === 'coa'
const typeLabel = (d: DocumentRecord) => (d.docType ? DOC_TYPE_LABELS[d.docType.type] : 'not typed')
/** The desk's refusal of a document that is not a COA (only code and message cross the bridge). */
const isNotCoaRefusal = (e: { code: string; message: string }) =>
  e.code === 'CONFLICT' && e.message.includes('does not look like a certificate of analysis')

/**
 * Runs qc.check on an imported certificate against a chosen specification version and files the
 * report. The picker lists certificates only ("Show all documents" lists the rest); a document of
 * another type is refused by the desk, and checked only when the user says "Check anyway".
 */
export function NewCheckForm({ db, specifications, record }: Props) {
  const { desk } = useServices()
  const documents = useDocumentStore((s) => s.documents).filter((d) => d.extraction?.state === 'done')
  const latest = latestPerProduct(specifications)
  const [showAll, setShowAll] = useState(false)
  const [documentId, setDocumentId] = useState('')
  const [specId, setSpecId] = useState('')
  const [expected, setExpected] = useState(record?.batch ?? '')
  const [error, setError] = useState<string | null>(null)
  /** The document the desk refused as not a COA: "Check anyway" runs it with anyType. */
  const [refused, setRefused] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const listed = showAll ? documents : documents.filter(isCoa)
  const preferred = [documentId, record?.documentId].find((id) => id && documents.some((d) => d.id === id))
  // Never a tender by default: the chosen document, the record's, or the first certificate.
  const docId = preferred ?? documents.find(isCoa)?.id ?? ''
  const chosenSpec = specifications.find((s) => s.id === (specId || latest[0]?.id))

  const check = async (document: DocumentRecord, anyType: boolean): Promise<CoaRecord> => {
    if (!chosenSpec) throw new Error('Import a specification first.')
    const batchGiven = expected.trim()
    const report = await desk.qc.check({
      documentId: document.id,
      spec: chosenSpec.spec,
      ...(batchGiven ? { expectedBatch: batchGiven } : {}),
      ...(anyType ? { anyType: true } : {}),
      // The supplier's learned layout, if a technician taught one, overrides the reader's guesses.
      templates: await listTemplates(db),
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
    return target
  }

  const run = async (id: string, anyType: boolean) => {
    const document = documents.find((d) => d.id === id)
    if (!document) return setError('Choose a certificate that has been read.')
    if (!chosenSpec) return setError('Import a specification first.')
    setBusy('Checking…')
    setError(null)
    setRefused(null)
    try {
      const target = await check(document, anyType)
      openRecord(target.id)
    } catch (e) {
      const failure = describeError(e)
      setError(failure.message)
      if (isNotCoaRefusal(failure)) setRefused(document.id)
    } finally {
      setBusy(null)
    }
  }

  /** QC's own intake: import certificates, wait for their text, then check each one that is a COA. */
  const importAndCheck = async (files: readonly File[]) => {
    if (files.length === 0) return
    setError(null)
    setRefused(null)
    setBusy('Importing and reading…')
    try {
      const imported: string[] = []
      const failed: string[] = []
      for (const batch of batchFiles(files)) {
        const job = await desk.documents.upload({ files: await Promise.all(batch.map(readAsBase64)) })
        // The Jobs panel follows the job from its progress events, as for any import.
        const finished = await waitForJob(desk, job)
        imported.push(...finished.documentIds)
        failed.push(...finished.errors.map((e) => `${e.file}: ${e.message}`))
      }
      const { documents: all } = await desk.documents.list()
      const ready = imported
        .map((id) => all.find((d) => d.id === id))
        .filter((d): d is DocumentRecord => d?.extraction?.state === 'done')
      const coas = ready.filter(isCoa)
      const others = ready.filter((d) => !isCoa(d))
      const notes = [
        ...failed,
        ...others.map(
          (d) =>
            `${d.name} does not look like a certificate (${typeLabel(d)}); choose it below and "Check anyway" if it is one.`,
        ),
      ]
      if (coas.length > 0 && !chosenSpec) notes.unshift('Imported; import a specification to check it.')
      let last: CoaRecord | null = null
      if (chosenSpec) {
        setBusy('Checking…')
        for (const d of coas) {
          try {
            last = await check(d, false)
          } catch (e) {
            notes.push(`${d.name}: ${describeError(e).message}`)
          }
        }
      }
      const firstOther = others[0]
      if (coas[0]) setDocumentId(coas[0].id)
      else if (firstOther) {
        setShowAll(true)
        setDocumentId(firstOther.id)
        setRefused(firstOther.id)
      }
      announce(
        `Imported ${imported.length} document${imported.length === 1 ? '' : 's'}; checked ${last ? coas.length : 0}.`,
      )
      if (notes.length > 0) setError(notes.join(' '))
      else if (last) openRecord(last.id)
    } catch (e) {
      setError(`Import failed: ${describeError(e).message}`)
    } finally {
      setBusy(null)
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void run(docId, false)
  }

  const hidden = documents.length - listed.length
  return (
    <form
      className="card qc-new"
      aria-label={record ? 'Check the COA' : 'New COA check'}
      onSubmit={submit}
      aria-busy={busy !== null}
    >
      <h2>{record ? 'Check the COA for this batch' : 'New COA check'}</h2>
      <div className="qc-import">
        <input
          id={record ? 'qc-import-record' : 'qc-import'}
          className="visually-hidden"
          type="file"
          multiple
          accept={ACCEPT}
          disabled={busy !== null}
          onChange={(event) => {
            const files = Array.from(event.target.files ?? [])
            event.target.value = ''
            void importAndCheck(files)
          }}
        />
        <label htmlFor={record ? 'qc-import-record' : 'qc-import'} className="button">
          Import certificates and check
        </label>
      </div>
      <label>
        Certificate
        <select
          aria-label="Certificate"
          value={docId}
          onChange={(e) => {
            setDocumentId(e.target.value)
            setRefused(null)
          }}
        >
          {docId === '' && (
            <option value="">
              {listed.length === 0 ? 'No certificates read yet' : 'Choose a certificate'}
            </option>
          )}
          {listed.map((d) => (
            <option key={d.id} value={d.id}>
              {showAll && !isCoa(d) ? `${d.name} (${typeLabel(d)})` : d.name}
            </option>
          ))}
        </select>
      </label>
      <label className="qc-show-all">
        <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
        Show all documents{!showAll && hidden > 0 ? ` (${hidden} not certificates)` : ''}
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
      {refused && refused === docId && (
        <button type="button" disabled={busy !== null} onClick={() => void run(refused, true)}>
          Check anyway
        </button>
      )}{' '}
      <button type="submit" disabled={busy !== null || docId === ''}>
        {busy ?? 'Run check'}
      </button>
    </form>
  )
}
