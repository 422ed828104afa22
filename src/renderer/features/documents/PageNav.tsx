import { showViewerPage } from '../../state'

export function PageNav({ page, pageCount }: { page: number; pageCount: number }) {
  return (
    <nav className="page-nav" aria-label="Pages">
      <button type="button" disabled={page <= 1} onClick={() => showViewerPage(page - 1)}>
        Previous page
      </button>
      <span aria-live="polite" className="page-position">
        Page {page} of {pageCount}
      </span>
      <button type="button" disabled={page >= pageCount} onClick={() => showViewerPage(page + 1)}>
        Next page
      </button>
    </nav>
  )
}
