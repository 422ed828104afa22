import type { Extraction } from '../../../shared/contract'

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** One short phrase for a document's text: the Text column and the viewer's status line. */
export function describeExtraction(extraction: Extraction | undefined): string {
  if (!extraction) return 'Not read'
  const { state, pagesDone, pagesTotal } = extraction
  switch (state) {
    case 'pending':
      return 'Waiting to be read'
    case 'running':
      return pagesTotal > 0 ? `Reading… ${pagesDone}/${pagesTotal} pages` : 'Reading…'
    case 'failed':
      return `Failed: ${extraction.error?.message ?? 'the document could not be read'}`
    case 'done': {
      const parts = [plural(pagesTotal, 'page')]
      if (extraction.ocrPages > 0) parts.push(`${extraction.ocrPages} OCR`)
      if (extraction.confidence !== null) parts.push(`${Math.round(extraction.confidence)}%`)
      if (extraction.failedPages > 0) parts.push(`${plural(extraction.failedPages, 'page')} failed`)
      return parts.join(' · ')
    }
  }
}
