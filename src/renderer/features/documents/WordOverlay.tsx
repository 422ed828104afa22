import { useId, useState, type KeyboardEvent, type MouseEvent } from 'react'
import type { PageSource, Word } from '../../../shared/document-text'
import { describeConfidence, isLowConfidence } from './describe-page'

interface Props {
  words: Word[]
  /** Size of the picture the boxes are drawn over, in its own pixels. */
  width: number
  height: number
  /** Picture pixels per page-coordinate unit. */
  scaleX: number
  scaleY: number
  summary: string
  /** Boxes drawn as selected (the review screen's chosen row). */
  highlighted?: ReadonlySet<number>
  /**
   * Called with a box's index when it is clicked, or when Enter or Space is pressed on the word the
   * arrow keys reached; `extend` is true with Shift (extend a selection rather than start one).
   */
  onPick?: (index: number, extend: boolean) => void
  /** Extra classes per box (the evidence view colours each term's hits). */
  marks?: ReadonlyMap<number, string>
  /** Draw only the marked boxes. */
  marksOnly?: boolean
  /** Where the words came from; text-layer confidences are labelled as such. */
  source?: PageSource
}

const round = (n: number): number => Math.round(n * 100) / 100

/**
 * A word's box in the picture's own pixels, the overlay's viewBox units. The overlay covers the
 * picture exactly (same box, no border or padding between them), so these stay on the word at any
 * displayed size or zoom: only the page's coordinate space is scaled, never shifted.
 */
export function boxRect(
  bbox: readonly [number, number, number, number],
  scaleX: number,
  scaleY: number,
): { x: number; y: number; width: number; height: number } {
  const [x0, y0, x1, y1] = bbox
  return {
    x: round(x0 * scaleX),
    y: round(y0 * scaleY),
    width: round((x1 - x0) * scaleX),
    height: round((y1 - y0) * scaleY),
  }
}
const describeWord = (w: Word, source?: PageSource): string =>
  `“${w.text}” · ${describeConfidence(w.confidence, source)}`

const STEP: Record<string, (i: number, last: number) => number> = {
  ArrowRight: (i, last) => Math.min(i + 1, last),
  ArrowDown: (i, last) => Math.min(i + 1, last),
  ArrowLeft: (i) => Math.max(i - 1, 0),
  ArrowUp: (i) => Math.max(i - 1, 0),
  Home: () => 0,
  End: (_i, last) => last,
}

/**
 * Word boxes over the page picture. Hundreds of boxes as tab stops would bury the rest of the
 * page, so the overlay is one stop with a summary, and arrow keys walk the words in reading order.
 */
export function WordOverlay({
  words,
  width,
  height,
  scaleX,
  scaleY,
  summary,
  highlighted,
  onPick,
  marks,
  marksOnly = false,
  source,
}: Props) {
  const [active, setActive] = useState<number | null>(null)
  const readoutId = useId()
  const current = active === null ? undefined : words[active]

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (onPick && active !== null && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault()
      onPick(active, event.shiftKey)
      return
    }
    const step = STEP[event.key]
    if (!step || words.length === 0) return
    event.preventDefault()
    setActive(active === null ? 0 : step(active, words.length - 1))
  }

  return (
    <div
      className="word-overlay"
      role="group"
      tabIndex={0}
      aria-label={summary}
      aria-describedby={readoutId}
      onKeyDown={onKeyDown}
      onBlur={() => setActive(null)}
    >
      <svg aria-hidden="true" focusable="false" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none">
        {words.map((w, i) => {
          const mark = marks?.get(i)
          if (marksOnly && mark === undefined) return null
          const classes = ['word']
          if (mark) classes.push(mark)
          if (isLowConfidence(w.confidence)) classes.push('low')
          if (i === active) classes.push('active')
          if (highlighted?.has(i)) classes.push('selected')
          return (
            <rect
              key={i}
              className={classes.join(' ')}
              {...boxRect(w.bbox, scaleX, scaleY)}
              vectorEffect="non-scaling-stroke"
              onMouseEnter={() => setActive(i)}
              onMouseLeave={() => setActive((a) => (a === i ? null : a))}
              {...(onPick ? { onClick: (e: MouseEvent<SVGRectElement>) => onPick(i, e.shiftKey) } : {})}
            >
              <title>{describeWord(w, source)}</title>
            </rect>
          )
        })}
      </svg>
      {current && (
        <span
          className="word-tip"
          aria-hidden="true"
          style={{
            left: `${(current.bbox[0] * scaleX * 100) / width}%`,
            top: `${(current.bbox[3] * scaleY * 100) / height}%`,
          }}
        >
          {describeWord(current, source)}
        </span>
      )}
      <span id={readoutId} className="visually-hidden" aria-live="polite">
        {current ? describeWord(current, source) : 'Use the arrow keys to step through the words.'}
      </span>
    </div>
  )
}
