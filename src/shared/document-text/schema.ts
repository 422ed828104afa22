import { z } from 'zod'

/** [x0, y0, x1, y1] in page coordinates: pixels of the page at `PageText.dpi`, origin top-left, unrotated page. */
export const bboxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()])
export type BBox = z.infer<typeof bboxSchema>

/** One box on one page (evidence and fields can span lines and pages). */
export const pageBoxSchema = z.object({ page: z.number().int().positive(), bbox: bboxSchema })

export const wordSchema = z.object({
  text: z.string(),
  bbox: bboxSchema,
  /**
   * 0..100. OCR: the engine's confidence. Text layer: how far the word's characters can be
   * trusted, from its own characters and its page's text-layer quality (100 for ordinary words on
   * an ordinary page; low for unknown glyphs, broken script, pages of glyph codes).
   */
  confidence: z.number().min(0).max(100),
})
export type Word = z.infer<typeof wordSchema>

export const lineSchema = z.object({
  text: z.string(),
  bbox: bboxSchema,
  confidence: z.number().min(0).max(100),
  /** Indexes into PageText.words. */
  wordIndexes: z.array(z.number().int().nonnegative()),
})
export type Line = z.infer<typeof lineSchema>

export const blockSchema = z.object({
  bbox: bboxSchema,
  confidence: z.number().min(0).max(100),
  /** Indexes into PageText.lines. */
  lineIndexes: z.array(z.number().int().nonnegative()),
})
export type Block = z.infer<typeof blockSchema>

export const pageSourceSchema = z.enum(['text-layer', 'ocr'])
export type PageSource = z.infer<typeof pageSourceSchema>

export const pageErrorSchema = z.object({ code: z.string(), message: z.string() })

export const pageTextSchema = z.object({
  /** 1-based. */
  page: z.number().int().positive(),
  source: pageSourceSchema,
  /** Clockwise degrees the page image was turned to read upright (0, 90, 180, 270). */
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  /** Skew corrected, in degrees (positive = counter-clockwise correction). */
  skewDeg: z.number(),
  /** Page size in the coordinate space of the boxes. */
  width: z.number().positive(),
  height: z.number().positive(),
  dpi: z.number().positive(),
  /** Mean word confidence 0..100. */
  confidence: z.number().min(0).max(100),
  text: z.string(),
  words: z.array(wordSchema),
  lines: z.array(lineSchema),
  blocks: z.array(blockSchema),
  /** What was done to the page image before OCR (e.g. 'rotate-90', 'deskew', 'binarise'). */
  applied: z.array(z.string()),
  /** Why a text layer was rejected, or OCR details such as the page segmentation mode. */
  notes: z.array(z.string()),
  /** Set when this page alone failed (WORKER_CRASHED, TIMEOUT, ...); other pages still carry text. */
  error: pageErrorSchema.optional(),
})
export type PageText = z.infer<typeof pageTextSchema>

export const extractionModeSchema = z.enum(['auto', 'force-ocr', 'text-only'])
export type ExtractionMode = z.infer<typeof extractionModeSchema>

export const documentTextSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mediaType: z.string(),
  pipelineVersion: z.string(),
  mode: extractionModeSchema,
  pages: z.array(pageTextSchema),
})
export type DocumentText = z.infer<typeof documentTextSchema>
