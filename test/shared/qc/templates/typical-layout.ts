import { parseSpecification, type CompiledSpec, type SpecificationInput } from '../../../../src/shared/qc'
import { drawKeyValues, drawTable, Sheet, type Column } from '../../../support/documents/coa/draw'
import {
  drawInstance,
  printLimit,
  specificationFor,
  type CoaParam,
} from '../../../support/documents/coa/instance'

/**
 * A supplier whose COA prints a "Typical Value" column before the batch's own "Batch Result": the
 * reader takes the first column that says "value" as the result, so it reads the typical values
 * (the same on every certificate) and passes a batch that fails. One correction should teach it.
 */
export interface TypicalCoa {
  pdf: Uint8Array
  specInput: SpecificationInput
  spec: CompiledSpec
  batch: string
  today: string
  /** Specification row → the batch's own result as printed, and whether it meets the limit. */
  truth: Map<string, { result: string; verdict: 'pass' | 'fail' }>
}

/** A value well inside the limit: what a typical-value column prints. */
function typical(p: CoaParam): string {
  const l = p.def.limit
  const d = p.def.decimals
  switch (l.kind) {
    case 'min':
      return (l.min * 1.01 > 100 ? l.min : l.min * 1.01).toFixed(d)
    case 'max':
      return (l.max * 0.4).toFixed(d)
    case 'range':
      return ((l.min + l.max) / 2).toFixed(d)
    case 'text':
      return p.result
  }
}

export async function typicalValueCoa(
  seed: number,
  supplier = 'Vardhman Fine Chemicals Pvt. Ltd.',
  shift = 0,
  /** Every parameter of the product, so COAs of one product share one specification. */
  allParameters = false,
): Promise<TypicalCoa> {
  const inst = drawInstance(seed, allParameters ? { minParams: 99 } : {})
  const sheet = await Sheet.create('helvetica', 9)
  sheet.text(40 + shift, 36, supplier.toUpperCase(), { size: 14, bold: true })
  sheet.text(220, 70, 'CERTIFICATE OF ANALYSIS', { size: 13, bold: true })
  const top = drawKeyValues(
    sheet,
    [
      ['Product', inst.product.product],
      ['Batch No.', inst.batch],
      ['Manufacturer', supplier],
      ['Mfg. Date', `${inst.manufactured.d}/${inst.manufactured.m}/${inst.manufactured.y}`],
    ],
    { x: 40 + shift, top: 100, columns: 1, colon: 'spaced' },
  )
  const columns: Column[] = [
    { label: ['Parameter'], width: 150 },
    { label: ['Test Method'], width: 85 },
    { label: ['Typical Value'], width: 75 },
    { label: ['Batch Result'], width: 75 },
    { label: ['Specification'], width: 120 },
  ]
  const rows = inst.params.map((p) => [
    [p.printed],
    [p.method],
    [typical(p)],
    [p.result],
    [printLimit(p.def, 'symbols', true)],
  ])
  drawTable(sheet, { x: 40 + shift, top: top + 14, columns, rows, ruled: false })
  const specInput = specificationFor(inst)
  const parsed = parseSpecification(specInput)
  if (!parsed.ok) throw new Error(`generated specification: ${JSON.stringify(parsed.errors)}`)
  return {
    pdf: await sheet.save(),
    specInput,
    spec: parsed.compiled,
    batch: inst.batch,
    today: inst.today,
    truth: new Map(inst.params.map((p) => [p.def.name, { result: p.result, verdict: p.verdict }])),
  }
}
