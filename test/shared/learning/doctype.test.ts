import { describe, expect, it } from 'vitest'
import {
  classifyDoctype,
  hashedFeatures,
  isValidation,
  multiclassMetrics,
  parseDoctypeModel,
  trainDoctype,
  type DoctypeClass,
} from '../../../src/shared/learning'

const BANK: Record<'tender' | 'coa' | 'invoice', string[]> = {
  tender: [
    'bid',
    'tender',
    'bidder',
    'emd',
    'submission',
    'opening',
    'eligibility',
    'turnover',
    'nit',
    'corrigendum',
  ],
  coa: [
    'certificate',
    'analysis',
    'batch',
    'result',
    'complies',
    'assay',
    'specification',
    'tested',
    'released',
    'lot',
  ],
  invoice: ['invoice', 'gstin', 'taxable', 'cgst', 'sgst', 'payable', 'bank', 'ifsc', 'hsn', 'total'],
}

function documents(count: number): { id: string; text: string; docType: DoctypeClass }[] {
  const out: { id: string; text: string; docType: DoctypeClass }[] = []
  let state = 7
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31), state / 2 ** 31)
  for (let i = 0; i < count; i++) {
    const docType = (['tender', 'coa', 'invoice'] as const)[i % 3]!
    const words = BANK[docType].filter(() => next() < 0.6)
    out.push({
      id: `doc-${i}`,
      text: `${words.join(' ')} office page date ${next() < 0.5 ? 'supply' : 'report'}`,
      docType,
    })
  }
  return out
}

describe('document-type model', () => {
  const examples = documents(90)
  const model = trainDoctype(
    examples.map((d) => ({ id: d.id, features: hashedFeatures(d.text), docType: d.docType })),
    '2026-12-05T00:00:00Z',
    '90 made-up documents',
  )

  it('learns the types present and scores itself on the validation split only', () => {
    expect(model.classes).toEqual(['tender', 'coa', 'invoice'])
    const validation = examples.filter((e) => isValidation(e.id)).length
    expect(model.metrics.validation.n).toBe(validation)
    expect(model.trainedOn.examples).toBe(90 - validation)
    expect(model.metrics.validation.accuracy).toBeGreaterThan(0.9)
  })

  it('names the type with its confidence and the words that decided it', () => {
    const verdict = classifyDoctype(model, 'TAX INVOICE GSTIN taxable value CGST SGST total payable')
    expect(verdict.docType).toBe('invoice')
    expect(verdict.confidence).toBeGreaterThan(0.5)
    expect(verdict.top.map(([word]) => word)).toContain('invoice')
  })

  it('is the same model for the same examples (versions name the weights)', () => {
    const again = trainDoctype(
      examples.map((d) => ({ id: d.id, features: hashedFeatures(d.text), docType: d.docType })),
      '2026-12-06T00:00:00Z',
      'again',
    )
    expect(again.version).toBe(model.version)
  })

  it('refuses to train on one type alone', () => {
    const one = examples.filter((e) => e.docType === 'coa')
    expect(() =>
      trainDoctype(
        one.map((d) => ({ id: d.id, features: hashedFeatures(d.text), docType: d.docType })),
        'now',
        'x',
      ),
    ).toThrow(/at least two types/)
  })

  it('names the file when a model file is not a document-type model', () => {
    expect(() => parseDoctypeModel({ kind: 'doctype', classes: ['coa'] }, 'models/doctype.json')).toThrow(
      /^models\/doctype.json: not a document-type model at /,
    )
  })
})

describe('multiclassMetrics', () => {
  it('counts who was taken for whom and averages over the classes present', () => {
    const metrics = multiclassMetrics(
      [
        { actual: 'coa', predicted: 'coa', confidence: 0.9 },
        { actual: 'coa', predicted: 'specification', confidence: 0.6 },
        { actual: 'specification', predicted: 'specification', confidence: 0.8 },
        { actual: 'tender', predicted: 'tender', confidence: 0.95 },
      ],
      ['tender', 'coa', 'specification'],
    )
    expect(metrics.n).toBe(4)
    expect(metrics.accuracy).toBe(0.75)
    expect(metrics.confusion.coa).toEqual({ tender: 0, coa: 1, specification: 1 })
    // tender p=1 r=1; coa p=1 r=0.5; specification p=0.5 r=1
    expect(metrics.precision).toBeCloseTo((1 + 1 + 0.5) / 3, 3)
    expect(metrics.recall).toBeCloseTo((1 + 0.5 + 1) / 3, 3)
  })
})
