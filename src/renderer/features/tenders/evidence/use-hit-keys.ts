import { useEffect, type RefObject } from 'react'
import { closeEvidence } from './store'

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA'])

/** n / p step through hits and Escape goes back, unless the key is typed into a form field. */
export function useHitKeys(root: RefObject<HTMLElement | null>, go: (step: 1 | -1) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return
      const target = event.target
      if (!(target instanceof HTMLElement)) return
      const inView = target === document.body || root.current?.contains(target) === true
      if (!inView || TYPING.has(target.tagName) || target.isContentEditable) return
      if (event.key === 'n') go(1)
      else if (event.key === 'p') go(-1)
      else if (event.key === 'Escape') closeEvidence()
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [root, go])
}
