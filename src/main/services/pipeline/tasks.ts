import { z } from 'zod'
import { bboxSchema, extractionModeSchema, pageTextSchema } from '../../../shared/document-text'
import { screenedTextSchema } from '../../../shared/tenders/screenText'
import { packedPagesSchema } from './packedPages'

/** Bumped whenever a page would read differently, so text cached by an older desk is read again. */
export const PIPELINE_VERSION = '6'

export const ocrLanguagesSchema = z.enum(['eng', 'hin', 'eng+hin'])
export const ocrModelSchema = z.enum(['fast', 'best'])
export const ocrEngineSchema = z.enum(['tesseract', 'paddle'])
export const psmSchema = z.enum(['auto', 'single-column', 'single-block', 'single-line', 'sparse'])

/** Look at a file once: its pages, and which carry a usable text layer. */
export const surveyTaskSchema = z.object({
  op: z.literal('survey'),
  path: z.string(),
  file: z.string(),
  mediaType: z.string(),
  mode: extractionModeSchema,
  dpi: z.number().positive(),
  maxPixels: z.number().int().positive(),
  /** PDF pages to look at (1-based, inclusive); a long PDF is surveyed in parallel slices. */
  from: z.number().int().positive().optional(),
  to: z.number().int().positive().optional(),
  /**
   * Screen the document in the worker when this one task reads all of it from text layers: the
   * words then never cross to the main thread. Profiles were validated by the caller and are
   * checked again only when a worker first compiles them (by `key`).
   */
  screen: z.object({ key: z.string().min(1), profiles: z.array(z.unknown()) }).optional(),
  /**
   * The caller wants the pages' text only (a text report): text-layer pages come back without their
   * words, lines and blocks, which then never cross to the main thread.
   */
  textOnly: z.boolean().optional(),
  /** With `screen`: the text cache to keep the words in, since they do not come back. */
  cache: z
    .object({ dir: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/), langs: z.string().min(1) })
    .optional(),
})

/** Rasterise (or decode) one page, preprocess it and OCR it, all inside one worker: no pixel copies. */
/** One page of a file, drawn at `dpi` under the intake's pixel limit: what OCR and its line pictures start from. */
const pageAtDpi = {
  path: z.string(),
  file: z.string(),
  mediaType: z.string(),
  page: z.number().int().positive(),
  dpi: z.number().positive(),
  maxPixels: z.number().int().positive(),
}

export const ocrTaskSchema = z.object({
  op: z.literal('ocr'),
  ...pageAtDpi,
  langs: ocrLanguagesSchema,
  model: ocrModelSchema,
  psm: psmSchema,
  /** With `eng`: read a page again with Hindi too when English alone looks like another script. */
  hindiCheck: z.boolean().default(true),
  /** The clean pass (settings.ocr.clean). */
  clean: z.enum(['auto', 'never', 'always']).default('auto'),
  /** settings.ocr.engine; `paddle` reads English only, other languages stay with tesseract. */
  engine: ocrEngineSchema.default('tesseract'),
})

/** A page picture for the viewer, as PNG at a modest resolution. */
export const renderTaskSchema = z.object({
  op: z.literal('render'),
  path: z.string(),
  file: z.string(),
  mediaType: z.string(),
  page: z.number().int().positive(),
  width: z.number().int().positive().max(4000),
  maxPixels: z.number().int().positive(),
})

/**
 * Gray pictures of some pages for the COA vision checks (ruling lines, stamp ink): PDF pages
 * rasterised at `dpi`, image pages decoded at their own resolution. Pages past the end are left out.
 */
export const grayPagesTaskSchema = z.object({
  op: z.literal('gray-pages'),
  path: z.string(),
  file: z.string(),
  mediaType: z.string(),
  pages: z.array(z.number().int().positive()).min(1),
  dpi: z.number().positive(),
  maxPixels: z.number().int().positive(),
})

/**
 * Pictures of lines of one page, cropped from the page as OCR saw it (gray, at `dpi`), as PNG: the
 * images a person's correction of OCR'd text is kept with, for fine-tuning OCR later.
 */
export const lineImagesTaskSchema = z.object({
  op: z.literal('line-images'),
  ...pageAtDpi,
  /** In page pixels at `dpi`, as PageText's boxes. */
  boxes: z.array(bboxSchema).min(1).max(200),
})

/**
 * Boxes of one OCR'd page read again, each on its own (ocr/cells.ts): cropped from the page drawn
 * as the OCR task drew it, turned and deskewed as it was read, scaled up, one line, numeric characters.
 */
export const readCellsTaskSchema = z.object({
  op: z.literal('read-cells'),
  ...pageAtDpi,
  model: ocrModelSchema,
  /** In page pixels at `dpi`, as PageText's boxes. */
  boxes: z.array(bboxSchema).min(1).max(200),
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  skewDeg: z.number(),
  /** What the boxes hold: numbers (digits, bounds, %) or units (letters, /, %). */
  kind: z.enum(['number', 'unit']).default('number'),
  /** Each box is read once per look: scaled up, and denoised first or not. */
  looks: z
    .array(z.object({ scale: z.number().min(1).max(6), denoise: z.boolean() }))
    .min(1)
    .max(4),
})

export const documentTaskSchema = z.discriminatedUnion('op', [
  surveyTaskSchema,
  ocrTaskSchema,
  renderTaskSchema,
  grayPagesTaskSchema,
  lineImagesTaskSchema,
  readCellsTaskSchema,
])
export type DocumentTask = z.infer<typeof documentTaskSchema>
export type SurveyTask = z.infer<typeof surveyTaskSchema>
export type OcrTask = z.infer<typeof ocrTaskSchema>
export type RenderTask = z.infer<typeof renderTaskSchema>
export type GrayPagesTask = z.infer<typeof grayPagesTaskSchema>
export type LineImagesTask = z.infer<typeof lineImagesTaskSchema>
export type ReadCellsTask = z.infer<typeof readCellsTaskSchema>

/** Per box, one reading per scale. */
export const readCellsResultSchema = z.object({
  cells: z.array(z.array(z.object({ text: z.string(), confidence: z.number().min(0).max(100) }))),
})
export type ReadCellsResult = z.infer<typeof readCellsResultSchema>

export const lineImagesResultSchema = z.object({
  images: z.array(
    z.object({
      width: z.number().int().positive(),
      height: z.number().int().positive(),
      png: z.instanceof(Uint8Array),
    }),
  ),
})
export type LineImagesResult = z.infer<typeof lineImagesResultSchema>

export const surveyResultSchema = z.object({
  pageCount: z.number().int().nonnegative(),
  /** Pages finished from the text layer (or empty in text-only mode); the rest need OCR. */
  textPages: z.array(pageTextSchema),
  ocrPages: z.array(z.object({ page: z.number().int().positive(), reason: z.string() })),
  /** Set when the task was asked to screen and could: then `textPages` is left empty. */
  screened: screenedTextSchema.optional(),
  /** The text pages as flat arrays (see packedPages.ts); the main thread unpacks them into `textPages`. */
  packed: packedPagesSchema.optional(),
})
export type SurveyResult = z.infer<typeof surveyResultSchema>

export const renderResultSchema = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  png: z.instanceof(Uint8Array),
})
export type RenderResult = z.infer<typeof renderResultSchema>

/** One gray page; `data` arrives moved (transferred) from the worker, one buffer per page. */
export const grayPageSchema = z
  .object({
    page: z.number().int().positive(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    dpi: z.number().positive(),
    data: z.instanceof(Uint8Array),
  })
  .refine((p) => p.data.length === p.width * p.height, {
    message: 'gray page data does not match its width × height',
    path: ['data'],
  })

export const grayPagesResultSchema = z.object({ pages: z.array(grayPageSchema) })
export type GrayPagesResult = z.infer<typeof grayPagesResultSchema>
