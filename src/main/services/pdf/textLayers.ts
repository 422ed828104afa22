import { DeskError } from '../../../shared/contract'
import { withPdf } from './openPdf'
import { openPdfiumDocument } from './pdfiumText'
import { extractTextLayer, type TextLayer } from './textLayer'

/** A document's text layers, page by page, whichever parser reads them. */
export interface TextLayerSource {
  numPages: number
  /** 'pdfium' or 'pdf.js'. */
  reader: string
  textLayer(n: number, dpi: number): Promise<TextLayer>
}

export type TextLayerReader = 'pdfium' | 'pdfjs'

/**
 * Runs `fn` over the PDF's text layers. PDFium reads them at about a third of pdf.js's cost (see
 * bench:ocr); a file PDFium cannot open, other than for a password, goes to pdf.js, which reads
 * some damaged files PDFium refuses and otherwise fails with its own account of the damage.
 * `reader: 'pdfjs'` skips PDFium (the bench measures both).
 */
export async function withTextLayers<T>(
  bytes: Uint8Array,
  file: string,
  fn: (source: TextLayerSource) => Promise<T>,
  reader: TextLayerReader = 'pdfium',
): Promise<T> {
  if (reader === 'pdfium') {
    let doc: Awaited<ReturnType<typeof openPdfiumDocument>> | undefined
    try {
      doc = await openPdfiumDocument(bytes, file)
    } catch (error) {
      if (!(error instanceof DeskError) || error.code !== 'CORRUPT_FILE') throw error
    }
    if (doc) {
      const opened = doc
      try {
        return await fn({
          numPages: opened.numPages,
          reader: 'pdfium',
          textLayer: async (n, dpi) => opened.textLayer(n, dpi),
        })
      } finally {
        opened.close()
      }
    }
  }
  return withPdf(bytes, file, (pdf) =>
    fn({
      numPages: pdf.numPages,
      reader: 'pdf.js',
      textLayer: async (n, dpi) => {
        const page = await pdf.doc.getPage(n)
        try {
          return await extractTextLayer(page, dpi)
        } finally {
          page.cleanup()
        }
      },
    }),
  )
}
