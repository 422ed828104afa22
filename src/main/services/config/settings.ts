import { join } from 'node:path'
import { z } from 'zod'
import { readJsonFile } from '../storage/jsonFile'

/**
 * Desk-wide settings an administrator may set in <dataDir>/settings.json. Every key is optional;
 * a malformed file is an error naming the file and the key, never silently ignored.
 */
export const deskSettingsSchema = z
  .object({
    limits: z
      .object({
        /** Largest file accepted by import and ocr. */
        maxFileMb: z.number().positive().max(100_000).default(512),
        /** Largest page image decoded or rendered, in megapixels. */
        maxMegapixels: z.number().positive().max(1000).default(50),
      })
      .strict()
      .default({ maxFileMb: 512, maxMegapixels: 50 }),
    pipeline: z
      .object({
        /** Worker threads; default: the core count. */
        workers: z.number().int().min(1).max(64).optional(),
        /** Pages a worker OCRs before it is replaced (bounds tesseract's memory). */
        pagesPerWorker: z.number().int().min(1).max(10_000).default(40),
        /** A page whose OCR takes longer fails alone with TIMEOUT. */
        pageTimeoutSec: z.number().positive().max(3600).default(120),
        /** Resolution pages are rendered at for OCR. */
        dpi: z.number().int().min(72).max(600).default(300),
      })
      .strict()
      .default({ pagesPerWorker: 40, pageTimeoutSec: 120, dpi: 300 }),
    ocr: z
      .object({
        /** Languages OCR reads when a run names none (Hindi adds the bilingual GeM labels). */
        languages: z.enum(['eng', 'eng+hin']).default('eng'),
      })
      .strict()
      .default({ languages: 'eng' }),
  })
  .strict()

export type DeskSettings = z.infer<typeof deskSettingsSchema>

export function settingsFile(dataDir: string): string {
  return join(dataDir, 'settings.json')
}

export async function loadDeskSettings(dataDir: string): Promise<DeskSettings> {
  return readJsonFile(settingsFile(dataDir), deskSettingsSchema, deskSettingsSchema.parse({}))
}

/** Pipeline options from settings; `workers` given on the command line wins. */
export function pipelineOptionsFrom(settings: DeskSettings, workerScript: string, workers?: number) {
  return {
    workerScript,
    workers: workers ?? settings.pipeline.workers,
    pagesPerWorker: settings.pipeline.pagesPerWorker,
    pageTimeoutMs: settings.pipeline.pageTimeoutSec * 1000,
    dpi: settings.pipeline.dpi,
    maxPixels: Math.round(settings.limits.maxMegapixels * 1_000_000),
  }
}
