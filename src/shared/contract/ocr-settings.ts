import { z } from 'zod'

/** What a tenant's documents are read in: Hindi adds the bilingual GeM labels. */
export const ocrLanguagesSchema = z.enum(['eng', 'hin', 'eng+hin'])
export type OcrLanguages = z.infer<typeof ocrLanguagesSchema>

/**
 * `best` (best_int, the default) or `fast` (tessdata_fast: about a quarter cheaper a page, but it
 * misreads digits on real COA scans).
 */
export const ocrModelSchema = z.enum(['fast', 'best'])
export type OcrModel = z.infer<typeof ocrModelSchema>

/**
 * `tesseract` (tesseract.js) or `paddle` (PaddleOCR on onnxruntime: English pages only, Hindi stays
 * with tesseract). bench:ocr's `engines` section measures both on the same pages.
 */
export const ocrEngineSchema = z.enum(['tesseract', 'paddle'])
export type OcrEngine = z.infer<typeof ocrEngineSchema>

/** A choice that names no engine keeps the desk's (files and clients from before engines were a choice). */
export const ocrChoiceSchema = z.strictObject({
  languages: ocrLanguagesSchema,
  model: ocrModelSchema,
  engine: ocrEngineSchema.optional(),
})
export type OcrChoice = z.infer<typeof ocrChoiceSchema>

/**
 * The session tenant's OCR choice as reading uses it. `source` says whether the tenant chose it or
 * it is the desk-wide default from settings.json (`desk`, shown beside it either way).
 */
export const ocrSettingsSchema = z.strictObject({
  languages: ocrLanguagesSchema,
  model: ocrModelSchema,
  engine: ocrEngineSchema,
  source: z.enum(['tenant', 'desk']),
  desk: ocrChoiceSchema.required(),
})
export type OcrSettings = z.infer<typeof ocrSettingsSchema>

export const ocrSettingsMethods = {
  /** The session tenant's OCR languages and model (its own choice, else the desk's). */
  'ocr.settings.get': { request: z.strictObject({}), response: ocrSettingsSchema },
  /** Sets the session tenant's choice; documents read from now on use it (text read before stays). */
  'ocr.settings.set': { request: ocrChoiceSchema, response: ocrSettingsSchema },
}
