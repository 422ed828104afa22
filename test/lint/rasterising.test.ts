import { describe, expect, it } from 'vitest'
import { importErrors, importing } from './lint'

// No page rasterising or image decoding on the main thread: only the document worker's side may
// import the rasterisers (src/main/services/pdf/rasterise*, drawPage, pdfiumRender; rasterisePage,
// drawPdfPage), the image decoders (decodeImage) and @napi-rs/canvas.
const WORKER_ONLY = [expect.stringContaining('only in the document worker')]

const rasterising = {
  'the rasteriser module': importing('../pdf/rasterise'),
  'rasterisePage from the pdf service':
    "import { rasterisePage } from '../pdf'\nexport const r = rasterisePage\n",
  'drawPdfPage from the pdf service': "import { drawPdfPage } from '../pdf'\nexport const r = drawPdfPage\n",
  'the page drawers': importing('../pdf/drawPage'),
  "PDFium's drawer": importing('../pdf/pdfiumRender'),
  'the whole pdf service as a namespace': importing('../pdf'),
  'decodeImage from the imaging service':
    "import { decodeImage } from '../imaging'\nexport const d = decodeImage\n",
  'a decoder module': importing('../imaging/canvasDecode'),
  'the canvas': importing('@napi-rs/canvas'),
}

describe('no page rasterising on the main thread', () => {
  for (const [what, code] of Object.entries(rasterising)) {
    it(`rejects ${what} in a main-thread service (src/main/services/qc/)`, async () => {
      expect(await importErrors('src/main/services/qc/x.ts', code)).toEqual(WORKER_ONLY)
    })
  }

  it('rejects it in the cli, the bridge, the electron shell and the main-thread pipeline', async () => {
    const deep = "import { rasterisePage } from '../../services/pdf'\nexport const r = rasterisePage\n"
    for (const file of ['src/main/cli/commands/x.ts', 'src/main/bridge/x/y.ts', 'src/main/electron/x/y.ts']) {
      expect(await importErrors(file, deep), file).toEqual(WORKER_ONLY)
    }
    expect(await importErrors('src/main/electron/x.ts', importing('../services/pdf/rasterise'))).toEqual(
      WORKER_ONLY,
    )
    expect(
      await importErrors(
        'src/main/services/pipeline/documentPipeline.ts',
        rasterising['rasterisePage from the pdf service'],
      ),
    ).toEqual(WORKER_ONLY)
  })

  it('lets the main thread use the rest of the pdf and imaging services', async () => {
    const code =
      "import { withPdf } from '../pdf'\nimport { DEFAULT_MAX_PIXELS, type RasterImage } from '../imaging'\n" +
      'export const a = [withPdf, DEFAULT_MAX_PIXELS]\nexport type R = RasterImage\n'
    expect(await importErrors('src/main/services/qc/x.ts', code)).toEqual([])
  })

  it("allows it on the worker's side", async () => {
    for (const file of [
      'src/main/services/pipeline/documentTasks.ts',
      'src/main/services/pipeline/pagePicture.ts',
      'src/main/services/vision/x.ts',
      'src/main/services/ocr/x.ts',
      'src/main/services/imaging/x.ts',
    ]) {
      for (const [what, code] of Object.entries(rasterising)) {
        expect(await importErrors(file, code), `${file}: ${what}`).toEqual([])
      }
    }
    expect(await importErrors('src/main/workers/x.ts', importing('../services/pdf/rasterise'))).toEqual([])
    expect(await importErrors('src/main/services/pdf/x.ts', importing('./rasterise'))).toEqual([])
  })
})
