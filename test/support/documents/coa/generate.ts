import { parseSpecification, type CompiledSpec } from '../../../../src/shared/qc'
import { imagePdf, scanPdfPage, seededRandom, type ScanLook } from '../scan'
import { LAYOUTS, type Layout } from './layouts'
import { drawInstance, meantDate, specificationFor } from './instance'
import type { LayoutId } from './split'

/** What a correct reading of a generated certificate gives. */
export interface CoaTruth {
  layout: LayoutId
  seed: number
  product: string
  batch: string
  manufactured: string
  expiry: string
  /** The day the certificate is checked (after it was issued, before it expires). */
  today: string
  verdict: 'pass' | 'fail'
  parameters: { name: string; verdict: 'pass' | 'fail' }[]
}

export interface GeneratedCoa {
  pdf: Uint8Array
  pages: number
  spec: CompiledSpec
  truth: CoaTruth
}

export function layoutById(id: LayoutId): Layout {
  const layout = LAYOUTS.find((l) => l.id === id)
  if (!layout) throw new Error(`no COA layout ${id}`)
  return layout
}

/** Seed of the content: the layout's name mixed in, so each layout prints other products and results. */
function contentSeed(id: LayoutId, seed: number): number {
  let h = seed >>> 0
  for (const c of id) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0
  return h % 1_000_003
}

/** One text-layer COA of a layout, drawn from the seed, with its specification and truth. */
export async function generateCoa(id: LayoutId, seed: number): Promise<GeneratedCoa> {
  const layout = layoutById(id)
  const instance = drawInstance(contentSeed(id, seed), layout.options)
  const printed = await layout.draw(instance)
  const parsed = parseSpecification(specificationFor(instance))
  if (!parsed.ok) throw new Error(`generated specification: ${JSON.stringify(parsed.errors)}`)
  const parameters = instance.params.map((p) => ({ name: p.def.name, verdict: p.verdict }))
  return {
    pdf: printed.pdf,
    pages: printed.pages,
    spec: parsed.compiled,
    truth: {
      layout: id,
      seed,
      product: instance.product.product,
      batch: instance.batch,
      manufactured: meantDate(instance.manufactured, printed.manufacturedForm),
      expiry: meantDate(instance.expiry, printed.expiryForm),
      today: instance.today,
      verdict: parameters.some((p) => p.verdict === 'fail') ? 'fail' : 'pass',
      parameters,
    },
  }
}

/** The same certificate printed, scanned on an office scanner and saved as an image-only PDF. */
export async function scanCoa(coa: GeneratedCoa, dpi: ScanLook['dpi']): Promise<Uint8Array> {
  const random = seededRandom(coa.truth.seed * 31 + dpi)
  const pages: { png: Uint8Array; dpi: number }[] = []
  for (let i = 0; i < coa.pages; i++) {
    const look: ScanLook = {
      dpi,
      skewDeg: (random() - 0.5) * 2.4,
      blurPx: dpi >= 300 ? 0.8 : 0.5,
      speckle: 0.0005 + random() * 0.001,
      seed: coa.truth.seed * 101 + i,
    }
    pages.push({ png: await scanPdfPage(coa.pdf, i, look), dpi })
  }
  return imagePdf(pages)
}
