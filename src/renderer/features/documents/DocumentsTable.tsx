import { useEffect, useRef, useState } from 'react'
import type { DocumentRecord } from '../../../shared/contract'
import { describeError } from '../../bridge/errors'
import { announce, clearReturnFocus, openDocument } from '../../state'
import { useServices } from '../services/context'
import { refreshDocuments } from '../tenants/load'
import { DocTypeSelect } from './DocTypeSelect'
import { ExtractionStatus } from './ExtractionStatus'
import { formatSize, formatTime, typeName } from './format'

export function DocumentsTable({
  documents,
  focusId = null,
}: {
  documents: DocumentRecord[]
  /** A document whose name gets focus when the table appears (coming back from the viewer). */
  focusId?: string | null
}) {
  const services = useServices()
  const focusRef = useRef<HTMLButtonElement>(null)
  const removeRef = useRef<HTMLButtonElement>(null)
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set())
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (!focusRef.current) return
    focusRef.current.focus()
    // Once: a later visit to the page must not pull focus here again.
    clearReturnFocus()
  }, [])

  // Only what is still listed counts: a document removed elsewhere drops out of the selection.
  const selected = documents.filter((d) => picked.has(d.id))
  const count = `${selected.length} document${selected.length === 1 ? '' : 's'}`
  const toggle = (id: string, on: boolean): void =>
    setPicked((now) => {
      const next = new Set(now)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })

  const remove = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      const { removed } = await services.desk.documents.remove({ documentIds: selected.map((d) => d.id) })
      setPicked(new Set())
      setConfirming(false)
      announce(`Removed ${removed.length} document${removed.length === 1 ? '' : 's'}.`)
      await refreshDocuments(services)
    } catch (e) {
      setError(describeError(e).message)
    } finally {
      setBusy(false)
    }
  }

  const cancel = (): void => {
    setConfirming(false)
    removeRef.current?.focus()
  }

  return (
    <>
      <div>
        <button
          type="button"
          ref={removeRef}
          disabled={selected.length === 0 || confirming}
          onClick={() => {
            setError(null)
            setConfirming(true)
          }}
        >
          Remove selected{selected.length > 0 ? ` (${selected.length})` : ''}
        </button>
      </div>
      {confirming && selected.length > 0 && (
        <div role="alertdialog" aria-labelledby="documents-remove-question" className="card">
          <p id="documents-remove-question">
            Remove {count} from this tenant? The desk deletes its stored copies (the original files are not
            touched) and they leave the screening results.
          </p>
          <ul aria-label="Documents to remove">
            {selected.map((d) => (
              <li key={d.id}>{d.name}</li>
            ))}
          </ul>
          <button type="button" disabled={busy} onClick={() => void remove()}>
            Remove {count}
          </button>{' '}
          <button type="button" disabled={busy} onClick={cancel} autoFocus>
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="inline-error">
          Could not remove: {error}
        </p>
      )}
      <div className="table-scroll">
        <table aria-label="Documents" className="data-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Select</span>
              </th>
              <th scope="col">Name</th>
              <th scope="col">Text</th>
              <th scope="col">Type</th>
              <th scope="col">Format</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col">SHA-256</th>
              <th scope="col">Imported</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${d.name}`}
                    checked={picked.has(d.id)}
                    onChange={(e) => toggle(d.id, e.target.checked)}
                  />
                </td>
                <th scope="row" className="doc-name" title={d.sourcePath ?? d.name}>
                  <button
                    type="button"
                    className="link"
                    ref={d.id === focusId ? focusRef : undefined}
                    onClick={() => openDocument(d.id)}
                  >
                    {d.name}
                  </button>
                </th>
                <td className="doc-text">
                  <ExtractionStatus document={d} />
                </td>
                <td>
                  <DocTypeSelect document={d} />
                </td>
                <td title={d.mediaType}>{typeName(d.mediaType)}</td>
                <td className="num" title={`${d.size} bytes`}>
                  {formatSize(d.size)}
                </td>
                <td>
                  <code className="hash" title={d.sha256}>
                    {d.sha256}
                  </code>
                </td>
                <td>
                  <time dateTime={d.importedAt}>{formatTime(d.importedAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
