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
        /** A worker with no progress this long while jobs wait is restarted and its task retried once. */
        stuckWorkerSec: z.number().positive().max(86_400).default(180),
      })
      .strict()
      .default({ pagesPerWorker: 40, pageTimeoutSec: 120, dpi: 300, stuckWorkerSec: 180 }),
    ocr: z
      .object({
        /**
         * Languages OCR reads when a run names none and the tenant chose none (Settings page, kept
         * in tenants/<id>/ocr.json). Hindi adds the bilingual GeM labels.
         */
        languages: z.enum(['eng', 'hin', 'eng+hin']).default('eng'),
        /**
         * best_int (default) or tessdata_fast (what native tesseract runs, ~25% cheaper a page, but it
         * misreads digits on real COA scans); a tenant's own choice wins.
         */
        model: z.enum(['fast', 'best']).default('best'),
        /**
         * The clean pass (denoise + binarise, OCR again, keep the pass that read more): `auto` where a
         * first pass looks poor (see src/main/services/ocr/clean.ts), `never`, or `always` (to measure it).
         */
        clean: z.enum(['auto', 'never', 'always']).default('auto'),
        /**
         * `tesseract` (tesseract.js, default) or `paddle` (PaddleOCR PP-OCRv4 on onnxruntime-node;
         * English pages only, Hindi stays with tesseract). bench:ocr's `engines` compares them.
         */
        engine: z.enum(['tesseract', 'paddle']).default('tesseract'),
      })
      .strict()
      .default({ languages: 'eng', model: 'best', clean: 'auto', engine: 'tesseract' }),
    backup: z
      .object({
        /** The daily automatic backup while the app runs; `pebble-desk backup` works either way. */
        enabled: z.boolean().default(true),
        /** Where daily backups go; default <data folder>/backups (put it on another disk). */
        directory: z.string().min(1).optional(),
        /** Days of daily backups kept, today's included. */
        keepDays: z.number().int().min(1).max(3650).default(7),
      })
      .strict()
      .default({ enabled: true, keepDays: 7 }),
    users: z
      .object({
        /** Minutes without a call after which a window or tab is signed out; 0 = never. */
        idleLockMinutes: z
          .number()
          .min(0)
          .max(24 * 60)
          .default(15),
        /** Failed PIN/passphrase attempts in a row that lock a user until an admin unlocks. */
        maxFailedAttempts: z.number().int().min(1).max(100).default(5),
      })
      .strict()
      .default({ idleLockMinutes: 15, maxFailedAttempts: 5 }),
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
    ocrModel: settings.ocr.model,
    ocrClean: settings.ocr.clean,
    ocrEngine: settings.ocr.engine,
    stuckWorkerMs: settings.pipeline.stuckWorkerSec * 1000,
  }
}
