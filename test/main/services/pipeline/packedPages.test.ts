import { readFileSync } from 'node:fs'
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { groupLines, type PageText } from '../../../../src/shared/document-text'
import { extractTextLayer, withPdf } from '../../../../src/main/services/pdf'
import { packPages, unpackPages } from '../../../../src/main/services/pipeline/packedPages'
import { corpusFile } from '../../../support/corpus'

/** Text-layer pages of a real GeM bid, as the survey task builds them. */
async function bidPages(): Promise<PageText[]> {
  const name = 'tender_gem_GEM-2025-B-6572913_bhel-maplitho.pdf'
  const bytes = new Uint8Array(readFileSync(corpusFile(name)))
  return withPdf(bytes, name, async (pdf) => {
    const pages: PageText[] = []
    for (let n = 1; n <= pdf.numPages; n++) {
      const layer = await extractTextLayer(await pdf.doc.getPage(n), 300)
      const { lines, blocks, text } = groupLines(layer.words)
      pages.push({
        page: n,
        source: 'text-layer',
        rotation: 0,
        skewDeg: 0,
        width: layer.width,
        height: layer.height,
        dpi: layer.dpi,
        confidence: 100,
        text,
        words: layer.words,
        lines,
        blocks,
        applied: [],
        notes: ['usable'],
      })
    }
    return pages
  })
}

describe('pages packed for the trip from a document worker', () => {
  it('arrive exactly as they left, words, lines and blocks included, with the buffers moved', async () => {
    const pages = await bidPages()
    expect(pages.reduce((n, p) => n + p.words.length, 0)).toBeGreaterThan(1000)
    const { packed, transfer } = packPages(pages)
    const channel = new MessageChannel()
    channel.port1.postMessage(packed, transfer)
    // Moved, not copied: the sender's buffers are now empty.
    expect(packed.words.boxes.length).toBe(0)
    const received = receiveMessageOnPort(channel.port2)?.message
    channel.port1.close()
    expect(unpackPages(received, 'bid.pdf')).toEqual(pages)
  })

  it('refuses arrays that disagree, naming the file, rather than handing on a wrong page', async () => {
    const pages = (await bidPages()).slice(0, 2)
    const { packed } = packPages(pages)
    const shortText = { ...packed, words: { ...packed.words, text: packed.words.text.slice(1) } }
    expect(() => unpackPages(shortText, 'bid.pdf')).toThrow(/^bid\.pdf: .*words: texts/)
    const lineIndexes = Uint32Array.from(packed.lines.indexes)
    lineIndexes[0] = 1_000_000
    const badIndex = { ...packed, lines: { ...packed.lines, indexes: lineIndexes } }
    expect(() => unpackPages(badIndex, 'bid.pdf')).toThrow(/bid\.pdf: .*a line names a word it does not have/)
    const confidences = Float64Array.from(packed.words.confidences)
    confidences[3] = 250
    const badConfidence = { ...packed, words: { ...packed.words, confidences } }
    expect(() => unpackPages(badConfidence, 'bid.pdf')).toThrow(/confidence 250 outside 0\.\.100/)
    expect(() => unpackPages({ pages: 'no' }, 'bid.pdf')).toThrow(/^bid\.pdf: packed pages/)
  })
})
