import { readFile } from 'node:fs/promises'
import { decodeImage } from '../imaging'
import { rasterisePage, withPdf } from '../pdf'
import { toGray, type GrayImage } from '../vision'

/**
 * Gray page images at a modest resolution for the COA's vision checks (ruling lines, stamp ink):
 * 100 dpi is plenty for lines and marks and keeps this cheap on the main thread.
 */
export async function loadPageImages(
  path: string,
  file: string,
  mediaType: string,
  pages: number[],
  dpi = 100,
): Promise<Map<number, GrayImage>> {
  const bytes = new Uint8Array(await readFile(path))
  const out = new Map<number, GrayImage>()
  if (mediaType === 'application/pdf') {
    await withPdf(bytes, file, async (pdf) => {
      for (const n of pages) {
        if (n > pdf.numPages) continue
        const page = await pdf.doc.getPage(n)
        try {
          out.set(n, toGray(await rasterisePage(page, dpi)))
        } finally {
          page.cleanup()
        }
      }
    })
    return out
  }
  const frames = await decodeImage(bytes, { file, maxPixels: 60_000_000 })
  for (const n of pages) {
    const frame = frames[n - 1]
    if (frame) out.set(n, toGray(frame))
  }
  return out
}
