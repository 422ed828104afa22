import { readFileSync } from 'node:fs'
import { decodeImage, DEFAULT_MAX_PIXELS, type RasterImage } from '../../../../src/main/services/imaging'
import { rasterisePage, withPdf } from '../../../../src/main/services/pdf'
import { corpusFile } from '../../../support/corpus'

/** Every page of a corpus file through the product's decoders (PDFs rasterised at 300 dpi, gray). */
export async function corpusPages(name: string): Promise<RasterImage[]> {
  const bytes = new Uint8Array(readFileSync(corpusFile(name)))
  if (!name.endsWith('.pdf')) return decodeImage(bytes, { file: name, maxPixels: DEFAULT_MAX_PIXELS })
  return withPdf(bytes, name, async (pdf) => {
    const pages: RasterImage[] = []
    for (let i = 1; i <= pdf.numPages; i++) pages.push(await rasterisePage(await pdf.doc.getPage(i), 300))
    return pages
  })
}
