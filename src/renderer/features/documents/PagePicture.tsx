import type { PageText } from '../../../shared/document-text'
import { isLowConfidence, LOW_CONFIDENCE } from './describe-page'
import type { PagePicture as Picture } from './use-page-picture'
import type { Remote } from './use-remote'
import { WordOverlay } from './WordOverlay'

interface Props {
  picture: Remote<Picture>
  /** Absent until the document's text is ready. */
  pageText: PageText | undefined
  showBoxes: boolean
  label: string
  /** Passed to the overlay: classes per word index, and whether only those words are drawn. */
  marks?: ReadonlyMap<number, string>
  marksOnly?: boolean
  /** Shown at this multiple of the pane's width (1 fits it); wider pictures scroll in the figure. */
  zoom?: number
  /** Makes the words pickable (click, Shift+click; Enter, Shift+Enter on the word the arrows reach). */
  onPick?: (index: number, extend: boolean) => void
  /** What the overlay says it is, when the caller knows better (a pick in progress). */
  overlaySummary?: string
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

export function PagePicture({
  picture,
  pageText,
  showBoxes,
  label,
  marks,
  marksOnly,
  zoom = 1,
  onPick,
  overlaySummary,
}: Props) {
  const words = pageText?.words ?? []
  const low = words.filter((w) => isLowConfidence(w.confidence)).length

  return (
    <figure className="page-figure" aria-label={`Picture of ${label}`}>
      {picture.state === 'error' && (
        <p role="alert" className="inline-error">
          Could not show this page: {picture.message}
        </p>
      )}
      {picture.state === 'loading' && <p className="muted">Drawing the page…</p>}
      {picture.state === 'ready' && (
        <div className={zoom === 1 ? 'page-scroll' : 'page-scroll zoomed'}>
          <div className="page-canvas" style={zoom === 1 ? undefined : { width: `${zoom * 100}%` }}>
            <img
              src={`data:${picture.value.mediaType};base64,${picture.value.dataBase64}`}
              width={picture.value.width}
              height={picture.value.height}
              alt={label}
            />
            {showBoxes && pageText && (
              <WordOverlay
                words={words}
                source={pageText.source}
                width={picture.value.width}
                height={picture.value.height}
                scaleX={picture.value.width / pageText.width}
                scaleY={picture.value.height / pageText.height}
                summary={
                  overlaySummary ??
                  (marks
                    ? `Highlights: ${plural(marks.size, 'marked word')}`
                    : `Word boxes: ${plural(words.length, 'word')}, ${low} low-confidence`)
                }
                {...(marks ? { marks, marksOnly: marksOnly ?? false } : {})}
                {...(onPick ? { onPick } : {})}
              />
            )}
          </div>
        </div>
      )}
      {pageText && (
        <figcaption className="page-legend">
          <span>
            <span className="swatch word" aria-hidden="true" /> Word
          </span>
          <span>
            <span className="swatch word low" aria-hidden="true" /> Low confidence (below {LOW_CONFIDENCE})
          </span>
          <span className={low > 0 ? 'low-count' : 'muted'}>{plural(low, 'low-confidence word')}</span>
        </figcaption>
      )}
    </figure>
  )
}
