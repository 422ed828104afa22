import { useEffect, useRef } from 'react'
import type { DocumentRecord } from '../../../shared/contract'
import { closeDocument, setShowBoxes, useViewerStore } from '../../state'
import { ExtractionStatus } from './ExtractionStatus'
import { PageNav } from './PageNav'
import { PagePicture } from './PagePicture'
import { PageTextPane } from './PageTextPane'
import { useDocumentText } from './use-document-text'
import { usePagePicture } from './use-page-picture'
import { useViewerKeys } from './use-viewer-keys'

/** One document: its page picture with the words found on it, and the text beside it. */
export function DocumentViewer({ document }: { document: DocumentRecord }) {
  const rootRef = useRef<HTMLElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const wantedPage = useViewerStore((s) => s.page)
  const showBoxes = useViewerStore((s) => s.showBoxes)
  const text = useDocumentText(document)
  const pages = text.state === 'ready' ? text.value.pages : []
  const pageCount = Math.max(pages.length || (document.extraction?.pagesTotal ?? 0), 1)
  const page = Math.min(Math.max(wantedPage, 1), pageCount)
  const pageText = pages.find((p) => p.page === page)
  const picture = usePagePicture(document.id, document.sha256, page)
  const label = `page ${page} of ${pageCount}`
  useViewerKeys(rootRef, page, pageCount)

  // Opening the viewer replaces the table under the user's focus; the heading takes it instead.
  useEffect(() => {
    headingRef.current?.focus()
  }, [document.id])

  return (
    <section className="viewer" aria-labelledby="viewer-title" ref={rootRef}>
      <div className="viewer-bar">
        <button type="button" onClick={closeDocument}>
          Back to documents
        </button>
        <h2 id="viewer-title" tabIndex={-1} ref={headingRef}>
          {document.name}
        </h2>
        <div role="status" className="viewer-status">
          <ExtractionStatus document={document} />
        </div>
      </div>
      <div className="viewer-tools">
        <PageNav page={page} pageCount={pageCount} />
        <label className="toggle">
          <input type="checkbox" checked={showBoxes} onChange={(e) => setShowBoxes(e.target.checked)} />
          Show word boxes
        </label>
      </div>
      <div className="viewer-body">
        <PagePicture picture={picture} pageText={pageText} showBoxes={showBoxes} label={label} />
        <section className="viewer-text" aria-label="Page text">
          {text.state === 'error' && (
            <p role="alert" className="inline-error">
              Could not load the text: {text.message}
            </p>
          )}
          {text.state === 'loading' && <p className="muted">Loading the text…</p>}
          {text.state === 'idle' && (
            <p className="muted">The text appears here once the document has been read.</p>
          )}
          {text.state === 'ready' &&
            (pageText ? (
              <PageTextPane pageText={pageText} label={label} />
            ) : (
              <p className="muted">No text was recorded for this page.</p>
            ))}
        </section>
      </div>
    </section>
  )
}
