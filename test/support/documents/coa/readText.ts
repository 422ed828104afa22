import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DocumentText } from '../../../../src/shared/document-text'
import { DEFAULT_MAX_PIXELS } from '../../../../src/main/services/imaging'
import { handleDocumentTask } from '../../../../src/main/services/pipeline/documentTasks'
import { unpackParsed } from '../../../../src/main/services/pipeline/packedPages'
import {
  PIPELINE_VERSION,
  type GrayPagesResult,
  type SurveyResult,
} from '../../../../src/main/services/pipeline/tasks'
import { assessCoa, type CoaReport } from '../../../../src/main/services/qc'
import type { LayoutTemplate } from '../../../../src/shared/qc/templates'
import type { GrayImage } from '../../../../src/main/services/vision'
import type { GeneratedCoa } from './generate'

/**
 * Reads a generated text-layer COA in this thread with the document worker's own task handler (the
 * survey that reads text layers at 300 dpi, the 100 dpi gray pages for ruling lines) and assesses it
 * as `checkCoa` does with one specification. For the fast development loop: no worker threads, no
 * build. A page that would need OCR is an error (generated text PDFs never should).
 */
export async function readTextCoa(
  coa: Pick<GeneratedCoa, 'pdf' | 'spec'> & { truth: { today: string } },
  file: string,
  templates?: readonly LayoutTemplate[],
): Promise<CoaReport> {
  const dir = mkdtempSync(join(tmpdir(), 'pebble-coa-'))
  try {
    const path = join(dir, file)
    writeFileSync(path, coa.pdf)
    const base = { path, file, mediaType: 'application/pdf', maxPixels: DEFAULT_MAX_PIXELS }
    const reply = await handleDocumentTask({ op: 'survey', ...base, mode: 'auto', dpi: 300 })
    // Text pages come back packed, with their buffers to move, as the worker sends them.
    const survey = ('value' in reply ? reply.value : reply) as SurveyResult
    if (survey.ocrPages.length > 0)
      throw new Error(`${file}: pages ${survey.ocrPages.map((p) => p.page).join(', ')} need OCR`)
    const text: DocumentText = {
      sha256: createHash('sha256').update(coa.pdf).digest('hex'),
      mediaType: 'application/pdf',
      pipelineVersion: PIPELINE_VERSION,
      mode: 'auto',
      pages: survey.packed ? unpackParsed(survey.packed, file) : survey.textPages,
    }
    const gray = (await handleDocumentTask({
      op: 'gray-pages',
      ...base,
      pages: text.pages.map((p) => p.page),
      dpi: 100,
    })) as { value: GrayPagesResult }
    const images = new Map<number, GrayImage>()
    for (const { page, width, height, dpi, data } of gray.value.pages)
      images.set(page, { width, height, channels: 1, data, dpi })
    return assessCoa({
      file,
      text,
      spec: coa.spec,
      today: coa.truth.today,
      images,
      ...(templates ? { templates } : {}),
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
