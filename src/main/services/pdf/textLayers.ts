import { DeskError } from '../../../shared/contract'
import { withPdf } from './openPdf'
import { openPdfiumDocument, type OpenPdfiumDocument } from './pdfiumText'
import { extractTextLayer, type TextLayer } from './textLayer'

/** A document's text layers, page by page, whichever parser reads them. */
export interface TextLayerSource {
  numPages: number
  reader: 'pdfium' | 'pdf.js'
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
  const doc = reader === 'pdfium' ? await openUnlessCorrupt(bytes, file) : undefined
  if (doc) {
    try {
      return await fn({
        numPages: doc.numPages,
        reader: 'pdfium',
        textLayer: async (n, dpi) => doc.textLayer(n, dpi),
      })
    } finally {
      doc.close()
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

/** PDFium's reading of the file, or undefined where it finds it damaged (pdf.js is asked then). */
async function openUnlessCorrupt(bytes: Uint8Array, file: string): Promise<OpenPdfiumDocument | undefined> {
  try {
    return await openPdfiumDocument(bytes, file)
  } catch (error) {
    if (error instanceof DeskError && error.code === 'CORRUPT_FILE') return undefined
    throw error
  }
}
