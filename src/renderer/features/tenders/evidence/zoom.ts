import { useCallback, useState, type KeyboardEvent } from 'react'

/** Zoom levels of the evidence page, as multiples of the pane's width. */
export const ZOOM_LEVELS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const

/** The next level up (step 1) or down (step -1) from `zoom`, staying at the ends. */
export function stepZoom(zoom: number, step: 1 | -1): number {
  if (step === 1) return ZOOM_LEVELS.find((z) => z > zoom + 1e-9) ?? ZOOM_LEVELS[ZOOM_LEVELS.length - 1]!
  return [...ZOOM_LEVELS].reverse().find((z) => z < zoom - 1e-9) ?? ZOOM_LEVELS[0]
}

/** Ctrl (or ⌘) with = or +, -, 0: in, out, reset; anything else is not a zoom key. */
export function zoomKey(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>,
): 1 | -1 | 0 | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null
  if (event.key === '=' || event.key === '+') return 1
  if (event.key === '-' || event.key === '_') return -1
  if (event.key === '0') return 0
  return null
}

export function useZoom(): {
  zoom: number
  zoomBy: (step: 1 | -1 | 0) => void
  onKeyDown: (event: KeyboardEvent) => void
} {
  const [zoom, setZoom] = useState(1)
  const zoomBy = useCallback((step: 1 | -1 | 0) => setZoom((z) => (step === 0 ? 1 : stepZoom(z, step))), [])
  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      const step = zoomKey(event)
      if (step === null) return
      event.preventDefault()
      zoomBy(step)
    },
    [zoomBy],
  )
  return { zoom, zoomBy, onKeyDown }
}
