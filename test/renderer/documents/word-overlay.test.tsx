// @vitest-environment jsdom
import { cleanup, fireEvent, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { PageSource, Word } from '../../../src/shared/document-text'
import { WordOverlay } from '../../../src/renderer/features/documents/WordOverlay'
import { describeConfidence, describePage } from '../../../src/renderer/features/documents/describe-page'
import { ocrPage } from '../support/document-text'

afterEach(cleanup)

const words: Word[] = [
  { text: 'Assay', bbox: [10, 10, 60, 30], confidence: 100 },
  { text: '\uE001\uE002', bbox: [70, 10, 100, 30], confidence: 0 },
]

function overlay(source?: PageSource) {
  const { container } = render(
    <WordOverlay
      words={words}
      width={200}
      height={100}
      scaleX={1}
      scaleY={1}
      summary="Word boxes"
      {...(source ? { source } : {})}
    />,
  )
  const rects = Array.from(container.querySelectorAll('rect'))
  return { container, rects }
}

describe('word confidence, by where the words came from', () => {
  it('says a text-layer word’s confidence comes from the text layer, in the tip and the box title', () => {
    const { container, rects } = overlay('text-layer')
    expect(rects.map((r) => r.textContent)).toEqual([
      '“Assay” · confidence 100 (from the text layer)',
      '“\uE001\uE002” · confidence 0 (from the text layer)',
    ])
    // An unknown glyph in a text layer is drawn as low confidence, like an unsure OCR word.
    expect(rects.map((r) => r.classList.contains('low'))).toEqual([false, true])
    fireEvent.mouseEnter(rects[1]!)
    expect(container.querySelector('.word-tip')?.textContent).toBe(
      '“\uE001\uE002” · confidence 0 (from the text layer)',
    )
  })

  it('leaves OCR words (and callers that do not say) as they were', () => {
    expect(overlay('ocr').rects[0]?.textContent).toBe('“Assay” · confidence 100')
    cleanup()
    expect(overlay().rects[0]?.textContent).toBe('“Assay” · confidence 100')
  })

  it('labels the page line too', () => {
    expect(describeConfidence(97.6, 'text-layer')).toBe('confidence 98 (from the text layer)')
    expect(describeConfidence(97.6, 'ocr')).toBe('confidence 98')
    expect(describePage(ocrPage(1, { source: 'text-layer', confidence: 99.2 }))).toBe(
      'Text layer · confidence 99 (from the text layer, not OCR)',
    )
    expect(describePage(ocrPage(1, { confidence: 91 }))).toBe('OCR · confidence 91')
  })
})
