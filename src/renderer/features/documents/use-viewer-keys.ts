import { useEffect, type RefObject } from 'react'
import { closeDocument, showViewerPage } from '../../state'

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA'])
const typesText = (el: HTMLElement): boolean =>
  el.isContentEditable || (TYPING.has(el.tagName) && (el as HTMLInputElement).type !== 'checkbox')

/**
 * PageUp/PageDown turn pages and Escape closes, while focus is in the viewer (or nowhere): keys
 * pressed in the header's forms or the Jobs panel keep their usual meaning there.
 */
export function useViewerKeys(root: RefObject<HTMLElement | null>, page: number, pageCount: number): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return
      const target = event.target
      if (!(target instanceof HTMLElement)) return
      const inViewer = target === document.body || root.current?.contains(target) === true
      if (!inViewer || typesText(target)) return
      if (event.key === 'Escape') closeDocument()
      else if (event.key === 'PageDown' && page < pageCount) showViewerPage(page + 1)
      else if (event.key === 'PageUp' && page > 1) showViewerPage(page - 1)
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [root, page, pageCount])
}
