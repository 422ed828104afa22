import { useEffect, useRef, type KeyboardEvent } from 'react'
import { PAGES, showPage, useNavigationStore } from '../../state'
import { pageAllowed } from '../identity/page-access'
import { useSessionStore } from '../identity/session'

const STEP: Record<string, (index: number, count: number) => number> = {
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_i, n) => n - 1,
}

export function MainNav() {
  const page = useNavigationStore((s) => s.page)
  const buttons = useRef<Array<HTMLButtonElement | null>>([])
  const roles = useSessionStore((s) => s.status?.user?.roles ?? null)
  // Before the desk says who is signed in (tests render the frame alone), every page is listed.
  const pages = roles ? PAGES.filter((p) => pageAllowed(p.id, roles)) : PAGES

  useEffect(() => {
    const first = pages[0]
    if (first && !pages.some((p) => p.id === page)) showPage(first.id)
  }, [pages, page])

  // Arrows move focus only; Enter or Space opens the page, so skimming the list changes nothing.
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    const step = STEP[event.key]
    if (!step) return
    const index = buttons.current.findIndex((b) => b === document.activeElement)
    if (index < 0) return
    event.preventDefault()
    buttons.current[step(index, pages.length)]?.focus()
  }

  return (
    <nav aria-label="Main" className="main-nav">
      <ul onKeyDown={onKeyDown}>
        {pages.map((p, i) => (
          <li key={p.id}>
            <button
              type="button"
              ref={(el) => {
                buttons.current[i] = el
              }}
              aria-current={p.id === page ? 'page' : undefined}
              onClick={() => showPage(p.id)}
            >
              {p.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
