import { describe, expect, it } from 'vitest'
import type { BBox } from '../../../../../src/shared/document-text/schema'
import { assemble } from '../../../../../src/main/services/ocr/paddle/layout'
import type { RecognizedLine } from '../../../../../src/main/services/ocr/paddle/recognize'

/** A detected text piece at x..x+width on the row whose top is y, 40 px tall as 10-pt print at 300 dpi. */
function piece(text: string, x: number, y: number, width = 600): RecognizedLine {
  const bbox: BBox = [x, y, x + width, y + 40]
  return { bbox, text, confidence: 95, words: [{ text, bbox, confidence: 95 }] }
}

describe('paddle page layout', () => {
  it('reads two columns one after the other when their gutter is narrower than a line', () => {
    // Left column ends at 1000; the right one starts 36 px (0.9 line) further on, its rows offset
    // by half a line, as the linn leaflet's columns are.
    const left = ['L1', 'L2', 'L3', 'L4'].map((t, i) => piece(t, 400, 1000 + 50 * i))
    const right = ['R1', 'R2', 'R3', 'R4'].map((t, i) => piece(t, 1036, 1025 + 50 * i))
    const { text, blocks } = assemble([...right, ...left])
    expect(text.split(/\s+/)).toEqual(['L1', 'L2', 'L3', 'L4', 'R1', 'R2', 'R3', 'R4'])
    expect(blocks).toHaveLength(2)
  })

  it('keeps a table row by row when its cells stand less than a line apart', () => {
    const rows = [
      ['Assay', '24.0 - 26.0 %', '25.1 %'],
      ['Loss on drying', 'NMT 5.0 %', '2.3 %'],
      ['Lead', 'NMT 3 ppm', '0.4 ppm'],
    ]
    // Cells 30 px (0.75 line) apart on every row.
    const pieces = rows.flatMap((cells, r) =>
      cells.map((c, i) => piece(c, 400 + 330 * i, 1000 + 50 * r, 300)),
    )
    const { lines } = assemble(pieces)
    expect(lines.map((l) => l.text)).toEqual(rows.map((cells) => cells.join(' ')))
  })

  it('reads a full-width heading before the columns under it', () => {
    const heading = piece('Recording a Sequence and Editing', 400, 900, 1200)
    const left = ['L1', 'L2'].map((t, i) => piece(t, 400, 1000 + 50 * i))
    const right = ['R1', 'R2'].map((t, i) => piece(t, 1036, 1025 + 50 * i))
    const { text } = assemble([...right, heading, ...left])
    expect(text.split(/\n+/)[0]).toBe('Recording a Sequence and Editing')
    expect(text.split(/\s+/).slice(-4)).toEqual(['L1', 'L2', 'R1', 'R2'])
  })
})
