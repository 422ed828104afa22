import type { DocumentText } from '../../../shared/document-text'
import {
  bestNameScore,
  checkBatch,
  checkExpiry,
  evaluate,
  overallVerdict,
  type CoaCheck,
  type CoaExtraction,
  type CompiledSpec,
  type ExtractedRow,
  type ParameterVerdict,
  type Verdict,
} from '../../../shared/qc'
import {
  applyTemplate,
  findTemplate,
  type LayoutTemplate,
  type TemplateUse,
} from '../../../shared/qc/templates'
import type { GrayImage } from '../vision'
import { findRules } from './rules'
import { NO_TABLE, readCoaPages } from '../../../shared/qc/readPages'
import type { Rules } from '../../../shared/qc/table/extract'
import { signatureCheck, skewCheck, type VisionSettings } from './visionChecks'
import type { CellReread } from './rereadResults'

export { NO_TABLE }

/** Reads tables and header fields from every page; `images` (optional) enables ruling lines. */
export function extractCoa(
  text: DocumentText,
  images: Map<number, GrayImage> = new Map(),
): { extraction: CoaExtraction; rules: Map<number, Rules> } {
  const rulesByPage = new Map<number, Rules>()
  for (const page of text.pages) {
    const image = images.get(page.page)
    if (image) rulesByPage.set(page.page, findRules(image, page.width / image.width, page.width * 0.06))
  }
  return { extraction: readCoaPages(text.pages, rulesByPage), rules: rulesByPage }
}

export interface AssessCoaRequest {
  file: string
  text: DocumentText
  /** Undefined when the desk has no specification for the product: the COA goes to review. */
  spec?: CompiledSpec
  /** Batch entered or scanned at intake. */
  expectedBatch?: string
  /** ISO date in the desk's time zone. */
  today: string
  /** Page images (any resolution) for ruling lines and the stamp/signature check. */
  images?: Map<number, GrayImage>
  vision?: VisionSettings
  confidenceThreshold?: number
  /** Learned layout templates: the one matching the COA's supplier and table overrides the reader. */
  templates?: readonly LayoutTemplate[]
  /**
   * What reading result cells again from the page said (rereadResults; `text` already carries the
   * confirmed and corrected readings): a disputed result goes to review, a corrected one says so.
   */
  rereads?: readonly CellReread[]
}

export interface CoaReport {
  file: string
  product?: string
  productCode?: string
  supplier?: string
  batch?: string
  manufactured?: string
  expiry?: string
  specProduct?: string
  specVersion?: number
  template?: TemplateUse
  verdict: Verdict
  /** Why the verdict is not a plain pass, in sentences. */
  reasons: string[]
  parameters: ParameterVerdict[]
  checks: CoaCheck[]
  /** Every extracted row (page, box, confidence per cell) for the review screen. */
  rows: ExtractedRow[]
  extraction: CoaExtraction
}

function productCheck(extraction: CoaExtraction, spec: CompiledSpec): CoaCheck {
  const product = extraction.fields.product?.text
  const code = extraction.fields.productCode?.text
  const codeMatches =
    !!spec.productCode && !!code && spec.productCode.replace(/\s/g, '') === code.replace(/\s/g, '')
  const nameMatches = !!product && bestNameScore([spec.product, ...spec.productAliases], [product]) >= 0.75
  if (codeMatches || nameMatches) {
    return {
      name: 'product',
      status: 'pass',
      detail: `COA product "${product ?? code}" matches the specification "${spec.product}"`,
      affectsVerdict: true,
    }
  }
  return {
    name: 'product',
    status: 'review',
    detail: product
      ? `COA product "${product}" is not the specification's product "${spec.product}"`
      : `no product name found on the COA to compare with "${spec.product}"`,
    affectsVerdict: true,
  }
}

/**
 * A result whose closer reading disputes the page's goes to review, never to a verdict; one the
 * closer reading corrected says what the page read.
 */
function withRereads(parameters: ParameterVerdict[], rereads: readonly CellReread[]): ParameterVerdict[] {
  return parameters.map((p) => {
    const cell = p.cells?.result
    if (!cell) return p
    const mine = rereads.filter((r) => {
      const x = (r.bbox[0] + r.bbox[2]) / 2
      const y = (r.bbox[1] + r.bbox[3]) / 2
      return (
        r.page === cell.page &&
        x >= cell.bbox[0] &&
        x <= cell.bbox[2] &&
        y >= cell.bbox[1] &&
        y <= cell.bbox[3]
      )
    })
    const disputed = mine.find((r) => r.outcome === 'disputed')
    if (disputed)
      return { ...p, verdict: 'review', reason: `${p.specName} was ${disputed.detail}; check it on the page` }
    const corrected = mine.filter((r) => r.outcome === 'corrected')
    if (corrected.length === 0) return p
    return { ...p, reason: `${p.reason} (${corrected.map((r) => r.detail).join('; ')})` }
  })
}

/** Extraction, evaluation against the specification, cross-checks and vision checks in one report. */
export function assessCoa(request: AssessCoaRequest): CoaReport {
  const images = request.images ?? new Map<number, GrayImage>()
  const read = extractCoa(request.text, images)
  const rules = read.rules
  const template = request.templates && findTemplate(read.extraction, request.templates)
  const taught = template ? applyTemplate(read.extraction, template) : undefined
  const extraction = taught?.extraction ?? read.extraction
  const rows = extraction.tables.flatMap((t) => t.rows)
  const f = extraction.fields
  const checks: CoaCheck[] = []
  const reasons: string[] = []
  let parameters: ParameterVerdict[] = []
  let verdict: Verdict
  const spec = request.spec

  if (!spec) {
    verdict = 'review'
    reasons.push(`no specification for ${f.product ? `"${f.product.text}"` : 'this product'}`)
  } else if (rows.length === 0) {
    verdict = 'review'
    reasons.push(NO_TABLE)
    parameters = spec.parameters.map((p) => ({
      name: p.name,
      specName: p.name,
      limit: p.limitText,
      verdict: 'review',
      reason: `${p.name}: ${NO_TABLE}`,
    }))
    checks.push({ name: 'results-table', status: 'review', detail: NO_TABLE, affectsVerdict: true })
  } else {
    const evaluation = evaluate(
      spec,
      rows,
      request.confidenceThreshold !== undefined ? { confidenceThreshold: request.confidenceThreshold } : {},
    )
    parameters = request.rereads?.length
      ? withRereads(evaluation.parameters, request.rereads)
      : evaluation.parameters
    verdict = overallVerdict(parameters.map((p) => p.verdict))
    checks.push(productCheck(extraction, spec))
  }
  checks.push(checkBatch(extraction, request.expectedBatch), checkExpiry(extraction, request.today))
  if (request.text.pages.length > 0) checks.push(skewCheck(request.text.pages, request.vision))
  const last = request.text.pages[request.text.pages.length - 1]
  const image = last && images.get(last.page)
  if (last && image)
    checks.push(
      signatureCheck(image, last, rules.get(last.page) ?? { horizontal: [], vertical: [] }, request.vision),
    )
  else
    checks.push({
      name: 'stamp-or-signature',
      status: 'skipped',
      detail: 'no page image to look at',
      affectsVerdict: false,
    })

  const folded = checks.filter((c) => c.affectsVerdict && (c.status === 'fail' || c.status === 'review'))
  for (const c of folded) reasons.push(c.detail)
  verdict = overallVerdict([verdict, ...folded.map((c) => c.status as Verdict)])
  for (const p of parameters) if (p.verdict === 'fail' || p.verdict === 'review') reasons.push(p.reason)

  return {
    file: request.file,
    ...(f.product ? { product: f.product.text } : {}),
    ...(f.productCode ? { productCode: f.productCode.text } : {}),
    ...(f.supplier ? { supplier: f.supplier.text } : {}),
    ...(f.batch ? { batch: f.batch.text } : {}),
    ...(f.manufactured ? { manufactured: f.manufactured.date ?? f.manufactured.text } : {}),
    ...(f.expiry ? { expiry: f.expiry.date ?? f.expiry.text } : {}),
    ...(spec ? { specProduct: spec.product, specVersion: spec.version } : {}),
    ...(taught ? { template: taught.use } : {}),
    verdict,
    reasons,
    parameters,
    checks,
    rows,
    extraction,
  }
}
