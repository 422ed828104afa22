import { DeskError } from '../../../shared/contract'
import type { DocumentText } from '../../../shared/document-text'
import { DOC_TYPE_LABELS, type DocType } from '../../../shared/documents/doctype'
import { bestNameScore, type CompiledSpec } from '../../../shared/qc'
import type { LayoutTemplate } from '../../../shared/qc/templates'
import type { DeskCore } from '../core/deskCore'
import { identifyFile } from '../documents/intake'
import { assessCoa, type CoaReport } from './assessCoa'
import { rereadLooks, rereadResults } from './rereadResults'

export interface CoaDocument {
  /** Where the bytes are (a desk blob or a file given on the command line). */
  path: string
  /** The name shown in the report and in errors. */
  name: string
  sha256?: string
  mediaType?: string
}

export interface CheckCoaRequest {
  document: CoaDocument
  /** Text the desk has already read; otherwise it is read through the core's pipeline. */
  text?: DocumentText
  /** One specification, or a library the COA's product picks from; none sends the COA to review. */
  specs: readonly CompiledSpec[]
  /** Batch entered or scanned at intake. */
  expectedBatch?: string
  /** yyyy-mm-dd in the desk's time zone (expiry is judged against it). */
  today: string
  /**
   * The document's type as the desk has it. Anything but `coa` is refused before reading a table
   * (a tender "checked" as a COA files a junk record), unless `anyType` says the user confirmed.
   */
  docType?: { type: DocType; cues: readonly string[] }
  anyType?: boolean
  /** The tenant's learned layout templates (see shared/qc/templates). */
  templates?: readonly LayoutTemplate[]
}

const ARTICLE: Record<DocType, string> = {
  tender: 'a',
  coa: 'a',
  specification: 'a',
  msds: 'a',
  invoice: 'an',
  other: '',
}

/**
 * The refusal a user sees for a document of another desk, naming the file, what it looks like and
 * why: "GS wire.pdf does not look like a certificate of analysis (looks like a tender: …)".
 */
export function requireCoa(name: string, docType: { type: DocType; cues: readonly string[] }): void {
  if (docType.type === 'coa') return
  const cues = docType.cues.slice(0, 3).join(', ')
  const looks =
    docType.type === 'other'
      ? 'nothing in it looks like a certificate, a tender or a specification'
      : `looks like ${ARTICLE[docType.type]} ${DOC_TYPE_LABELS[docType.type].toLowerCase()}${cues ? `: ${cues}` : ''}`
  throw new DeskError(
    'CONFLICT',
    `${name} does not look like a certificate of analysis (${looks}). Check it anyway, or change its type in the Documents table.`,
    { docType: docType.type, file: name },
  )
}

export type CoaCheckResult = CoaReport & { pages: { page: number; width: number; height: number }[] }

export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** The specification the COA is checked against: the only one given, or the library's best match. */
export function pickSpec(
  specs: readonly CompiledSpec[],
  product: string | undefined,
  code: string | undefined,
): CompiledSpec | undefined {
  if (specs.length <= 1) return specs[0]
  const scored = specs
    .map((s) => ({
      s,
      score:
        code && s.productCode === code
          ? 2
          : product
            ? bestNameScore([s.product, ...s.productAliases], [product])
            : 0,
    }))
    .filter((x) => x.score >= 0.75)
    .sort((a, b) => b.score - a.score || b.s.version - a.s.version)
  return scored[0]?.s
}

/**
 * qc: read a Certificate of Analysis, extract its results table and header, and check it against
 * its specification. The one entry point behind `pebble-desk qc check` and the desk's `qc.check`,
 * so the command line and the QC page give the same verdict for the same document.
 */
export async function checkCoa(core: DeskCore, request: CheckCoaRequest): Promise<CoaCheckResult> {
  const { document } = request
  if (request.docType && !request.anyType) requireCoa(document.name, request.docType)
  const identified =
    document.sha256 && document.mediaType
      ? { sha256: document.sha256, mediaType: document.mediaType }
      : await identifyFile(document.path, core.maxFileBytes)
  const text =
    request.text ??
    (await core.requirePipeline().extract({
      path: document.path,
      file: document.name,
      sha256: identified.sha256,
      mediaType: identified.mediaType,
      langs: core.ocrLanguages,
      cache: core.textCache,
    }))
  // Drawn in a document worker at the intake's pixel limit. Ruling lines and the stamp check need
  // the picture; the table and the verdict do not, so a page that cannot be drawn skips them.
  const images = core.pipeline
    ? await core.pipeline
        .grayPages({
          path: document.path,
          file: document.name,
          mediaType: identified.mediaType,
          pages: text.pages.map((p) => p.page),
        })
        .catch(() => undefined)
    : undefined
  const base = { file: document.name, text, today: request.today, ...(images ? { images } : {}) }
  // With a library, the COA's own product (read without a specification) picks the specification.
  const probe = request.specs.length > 1 ? assessCoa(base) : undefined
  const spec = pickSpec(request.specs, probe?.product, probe?.productCode)
  const assess = (read: DocumentText, rereads?: Parameters<typeof assessCoa>[0]['rereads']) =>
    assessCoa({
      ...base,
      text: read,
      ...(spec ? { spec } : {}),
      ...(request.expectedBatch ? { expectedBatch: request.expectedBatch } : {}),
      ...(request.templates ? { templates: request.templates } : {}),
      ...(rereads ? { rereads } : {}),
    })
  let report = assess(text)
  // OCR'd results that are unsure, unparsed or not a pass are read again, cell by cell, from the page.
  const pipeline = core.pipeline
  if (spec && pipeline && text.pages.some((p) => p.source === 'ocr')) {
    const again = await rereadResults(text, report, (page, boxes, kind) =>
      pipeline.readCells({
        path: document.path,
        file: document.name,
        mediaType: identified.mediaType,
        page,
        boxes,
        looks: rereadLooks(),
        kind,
      }),
    ).catch((error: unknown) => {
      report.extraction.notes.push(`results not read again from the page: ${(error as Error).message}`)
      return undefined
    })
    if (again && again.rereads.length > 0) {
      report = assess(again.text, again.rereads)
      report.extraction.notes.push(
        `results read again from the page, cell by cell: ${again.rereads.map((r) => `${r.outcome}, ${r.detail}`).join('; ')}`,
      )
    }
  }
  return { ...report, pages: text.pages.map(({ page, width, height }) => ({ page, width, height })) }
}
