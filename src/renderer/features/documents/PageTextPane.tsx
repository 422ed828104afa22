import type { PageText } from '../../../shared/document-text'
import { describePage } from './describe-page'

/** The right-hand pane: what was read from the page, and how. */
export function PageTextPane({ pageText, label }: { pageText: PageText; label: string }) {
  if (pageText.error) {
    return (
      <div className="page-text-pane">
        <p role="alert" className="inline-error">
          This page could not be read: {pageText.error.message} ({pageText.error.code})
        </p>
      </div>
    )
  }
  return (
    <div className="page-text-pane">
      <p className="page-details">{describePage(pageText)}</p>
      {pageText.notes.length > 0 && <p className="page-notes muted">{pageText.notes.join('; ')}</p>}
      {pageText.text.trim() === '' ? (
        <p className="muted">No text was found on this page.</p>
      ) : (
        // Focusable so keyboard users can scroll a long page.
        <pre className="page-text" tabIndex={0} aria-label={`Text of ${label}`}>
          {pageText.text}
        </pre>
      )}
    </div>
  )
}
