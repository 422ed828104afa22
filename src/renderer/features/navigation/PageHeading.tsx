import { useEffect, useRef, type ReactNode } from 'react'

/**
 * The page's h1. When the page was opened from the main navigation, focus moves here so screen
 * readers announce the new page and Tab continues inside it; on first load focus is left alone.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (document.activeElement?.closest('nav[aria-label="Main"]')) ref.current?.focus()
  }, [])
  return (
    <h1 id="page-title" tabIndex={-1} ref={ref}>
      {children}
    </h1>
  )
}
