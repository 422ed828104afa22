import { useEffect, useRef } from 'react'
import type { DocumentRecord } from '../../../shared/contract'
import { clearReturnFocus, openDocument } from '../../state'
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
  const focusRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!focusRef.current) return
    focusRef.current.focus()
    // Once: a later visit to the page must not pull focus here again.
    clearReturnFocus()
  }, [])

  return (
    <table aria-label="Documents" className="data-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Text</th>
          <th scope="col">Type</th>
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
  )
}
