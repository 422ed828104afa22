import { randomUUID } from 'node:crypto'
import { appendFile, copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { DeskError } from '../../../shared/contract'
import { bboxSchema } from '../../../shared/document-text'
import { ocrAccuracyOf, type OcrAccuracy } from '../../../shared/learning/ocrAccuracy'
import type { DocumentPipeline } from '../pipeline'

/** What is kept beside each line picture: enough to say where it came from and who corrected it. */
export const ocrTruthEntrySchema = z.object({
  id: z.string().uuid(),
  documentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  file: z.string(),
  page: z.number().int().positive(),
  dpi: z.number().positive(),
  bbox: bboxSchema,
  ocrText: z.string(),
  correctedText: z.string().min(1),
  correctedBy: z.string().min(1),
  correctedAt: z.string(),
})
export type OcrTruthEntry = z.infer<typeof ocrTruthEntrySchema>

/** An OCR'd value a person signed off unchanged: reviewed characters, none corrected. */
const confirmationSchema = z.object({
  documentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  page: z.number().int().positive(),
  bbox: bboxSchema,
  text: z.string(),
  confirmedAt: z.string(),
})
export type OcrConfirmation = z.infer<typeof confirmationSchema>

/** Kept beside the line pictures; `.jsonl`, so list() (which reads `*.json`) never mistakes it for an entry. */
const CONFIRMATIONS = 'confirmed.jsonl'

const valueKey = (v: { documentSha256: string; page: number; bbox: readonly number[] }) =>
  `${v.documentSha256}:${v.page}:${v.bbox.join(',')}`

export interface OcrTruthSource {
  path: string
  file: string
  mediaType: string
  sha256: string
}

/**
 * A tenant's OCR ground truth: for every OCR'd value a person corrected, the line's picture (as OCR
 * saw it) and the corrected text, in tesstrain's layout (`<id>.png` + `<id>.gt.txt`) with a
 * `<id>.json` of where it came from. The input for fine-tuning a tesseract model later, and the
 * measure of how often people have to fix what OCR read.
 */
export class OcrTruthStore {
  constructor(private readonly dir: string) {}

  async add(
    pipeline: DocumentPipeline,
    source: OcrTruthSource,
    correction: Omit<OcrTruthEntry, 'id' | 'documentSha256' | 'file'>,
  ): Promise<OcrTruthEntry> {
    const entry = ocrTruthEntrySchema.parse({
      ...correction,
      id: randomUUID(),
      documentSha256: source.sha256,
      file: source.file,
      correctedText: correction.correctedText.trim(),
    })
    const [image] = await pipeline.lineImages({
      path: source.path,
      file: source.file,
      mediaType: source.mediaType,
      page: entry.page,
      dpi: entry.dpi,
      boxes: [entry.bbox],
    })
    if (!image) throw new DeskError('INTERNAL', `${source.file}: no picture of page ${entry.page}'s line`)
    await mkdir(this.dir, { recursive: true })
    await writeFile(join(this.dir, `${entry.id}.png`), image.png)
    // tesstrain reads the first line of the .gt.txt as the line's text.
    await writeFile(join(this.dir, `${entry.id}.gt.txt`), `${entry.correctedText}\n`)
    await writeFile(join(this.dir, `${entry.id}.json`), JSON.stringify(entry, null, 2))
    return entry
  }

  async list(): Promise<OcrTruthEntry[]> {
    const names = await readdir(this.dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[]
      throw error
    })
    const entries: OcrTruthEntry[] = []
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const path = join(this.dir, name)
      const parsed = ocrTruthEntrySchema.safeParse(JSON.parse(await readFile(path, 'utf8')))
      if (!parsed.success)
        throw new DeskError('CORRUPT_FILE', `${path}: not an OCR ground-truth entry`, { file: path })
      entries.push(parsed.data)
    }
    return entries
  }

  /**
   * Records values signed off unchanged. A value is counted once: one already confirmed or
   * corrected (same document, page and box) is skipped. Returns how many were new.
   */
  async confirm(values: readonly OcrConfirmation[]): Promise<number> {
    const seen = new Set([...(await this.list()), ...(await this.confirmations())].map(valueKey))
    const fresh: OcrConfirmation[] = []
    for (const v of values.map((x) => confirmationSchema.parse(x))) {
      if (seen.has(valueKey(v)) || v.text.trim() === '') continue
      seen.add(valueKey(v))
      fresh.push(v)
    }
    if (fresh.length === 0) return 0
    await mkdir(this.dir, { recursive: true })
    await appendFile(join(this.dir, CONFIRMATIONS), fresh.map((v) => `${JSON.stringify(v)}\n`).join(''))
    return fresh.length
  }

  async confirmations(): Promise<OcrConfirmation[]> {
    const path = join(this.dir, CONFIRMATIONS)
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return ''
      throw error
    })
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line, i) => {
        let raw: unknown = null
        try {
          raw = JSON.parse(line)
        } catch {
          // reported below with the line number
        }
        const parsed = confirmationSchema.safeParse(raw)
        if (!parsed.success) {
          throw new DeskError('CORRUPT_FILE', `${path}: line ${i + 1} is not a confirmation`, { file: path })
        }
        return parsed.data
      })
  }

  /**
   * Reviewed characters are those of every corrected value (the corrected text) plus those of every
   * value signed off unchanged; corrected characters are the edits from what OCR read.
   */
  async accuracy(): Promise<OcrAccuracy> {
    const confirmed = (await this.confirmations()).map((c) => ({ ocrText: c.text, correctedText: c.text }))
    return ocrAccuracyOf([...(await this.list()), ...confirmed])
  }

  /** Copies the pictures and texts into `out` in tesstrain's layout; returns how many lines. */
  async exportTo(out: string): Promise<number> {
    const entries = await this.list()
    await mkdir(out, { recursive: true })
    for (const entry of entries) {
      await copyFile(join(this.dir, `${entry.id}.png`), join(out, `${entry.id}.png`))
      await copyFile(join(this.dir, `${entry.id}.gt.txt`), join(out, `${entry.id}.gt.txt`))
    }
    return entries.length
  }
}
