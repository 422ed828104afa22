import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { GrayImage, Rotation } from '../vision'
import { encodePgm } from './netpbm'
import { loadTesseract, type TesseractOsdWorker } from './tesseract'

/** Which way up a page reads, by tesseract's orientation and script detection. */
export interface OrientationGuess {
  /** Clockwise quarter turns that make the page upright (the vision heuristic's convention). */
  rotation: Rotation
  /** tesseract's own figure: how much better the best orientation scored than the next. */
  confidence: number
}

/**
 * Below this OSD cannot tell either. OCRmyPDF turns pages only above 14, but measured on 84 turned
 * pages (corpus scans, generated bids and strips of them, each at 0/90/180/270) OSD named the right
 * turn every time, down to 2.4; where the heuristic was unsure (6 of them) it scored 2.5 to 6.
 */
export const OSD_MIN_CONFIDENCE = 2

export interface OsdDetector {
  /** null when OSD found too little text to tell. */
  detect(image: GrayImage): Promise<OrientationGuess | null>
  close(): Promise<void>
}

/** `@tesseract.js-data/osd` (models/manifest.json: tesseract-osd), read offline from node_modules. */
function osdFolder(): string {
  const require = createRequire(__filename)
  return join(dirname(require.resolve('@tesseract.js-data/osd/package.json')), '4.0.0')
}

/**
 * One legacy-core tesseract.js worker with the `osd` model. It costs about a second a page on this
 * desk's machine, twice what the vision heuristic costs for the whole page, so the pipeline asks it
 * only about pages the heuristic is unsure of (see recognizePage).
 */
export async function createOsdDetector(): Promise<OsdDetector> {
  const tesseract = loadTesseract()
  const worker: TesseractOsdWorker = await tesseract.createWorker('osd', tesseract.OEM.TESSERACT_ONLY, {
    langPath: osdFolder(),
    gzip: true,
    cacheMethod: 'none',
    legacyCore: true,
    legacyLang: true,
  })
  let queue: Promise<unknown> = Promise.resolve()
  return {
    detect: (image) => {
      const run = queue.then(async () => {
        try {
          const { data } = await worker.detect(encodePgm(image.width, image.height, image.data))
          const degrees = data.orientation_degrees
          if (degrees === null || data.orientation_confidence === null) return null
          const rotation = (((Math.round(degrees / 90) * 90) % 360) + 360) % 360
          return { rotation: rotation as Rotation, confidence: data.orientation_confidence }
        } catch {
          // "Too few characters": nothing to tell a direction from.
          return null
        }
      })
      queue = run.catch(() => undefined)
      return run
    },
    close: async () => {
      await worker.terminate()
    },
  }
}
