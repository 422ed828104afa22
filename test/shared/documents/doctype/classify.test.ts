import { describe, expect, it } from 'vitest'
import {
  classifyByCues,
  cueClassifier,
  DOC_TYPE_LABELS,
  DOC_TYPES,
  docTypeResultSchema,
  type DocType,
} from '../../../../src/shared/documents/doctype'

/** A small deterministic PRNG, so each generated document differs from the next the same way every run. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T
const num = (r: () => number, lo: number, hi: number) => Math.floor(lo + r() * (hi - lo))

const PRODUCTS = [
  'Zinc Sulphate Monohydrate',
  'Ascorbic Acid',
  'Sodium Benzoate',
  'Citric Acid Anhydrous',
  'Ferrous Fumarate',
]
const BUYERS = [
  'Ministry of Railways',
  'BHEL Ranipet',
  'Indian Oil Corporation',
  'AIIMS Bhopal',
  'NTPC Korba',
]
const SUPPLIERS = ['Shree Chemicals Pvt Ltd', 'Albion Laboratories', 'Deccan Fine Chem', 'Navkar Industries']

function tender(r: () => number): string {
  const product = pick(r, PRODUCTS)
  return [
    `Bid Document`,
    `Bid Number: GEM/2025/B/${num(r, 1_000_000, 9_999_999)}`,
    `Dated: ${num(r, 10, 28)}-0${num(r, 1, 9)}-2025`,
    `Bid End Date/Time ${num(r, 10, 28)}-10-2025 15:00:00`,
    `Ministry/State Name ${pick(r, BUYERS)}`,
    `Item Category ${product} (Q3)`,
    `EMD Detail  Required: ${pick(r, ['Yes', 'No'])}`,
    `Bidder Turnover (Last 3 Years) 50 Lakh (s)`,
    `Bid to RA enabled Yes`,
    `Technical Specifications: ${product}, purity NLT 98%, as per IS 1234.`,
    `Certificate of analysis from the manufacturer shall be submitted with each supply.`,
    `Bidders shall upload the documents listed above; the buyer may ask for clarification.`,
  ].join('\n')
}

function coa(r: () => number): string {
  const product = pick(r, PRODUCTS)
  return [
    pick(r, SUPPLIERS),
    `CERTIFICATE OF ANALYSIS`,
    `Product: ${product}`,
    `Batch No: B${num(r, 10000, 99999)}    Mfg. Date: 0${num(r, 1, 9)}/2025    Expiry Date: 0${num(r, 1, 9)}/2027`,
    `Test            Specification         Result       Method`,
    `Assay           NLT 98.0 %            99.${num(r, 0, 9)} %      IP`,
    `Loss on drying  NMT 1.0 %             0.${num(r, 1, 9)} %        USP <731>`,
    `Lead            NMT 10 ppm            < 2 ppm      ICP-MS`,
    `Appearance      White powder          Complies     Visual`,
    `Analysed by: ${pick(r, ['R. Sharma', 'K. Iyer', 'M. Das'])}    Approved by QA`,
    `Invoice No: INV-${num(r, 100, 999)} (for reference)`,
  ].join('\n')
}

function specification(r: () => number): string {
  const product = pick(r, PRODUCTS)
  return [
    `PRODUCT SPECIFICATION`,
    `Product: ${product}    Code: ${num(r, 10000, 99999)}`,
    `Parameter        Specification          Method`,
    `Assay            ${num(r, 95, 99)}.0 - 101.0 %      Ph. Eur.`,
    `Heavy metals     NMT 10 ppm             USP <231>`,
    `Loss on drying   NMT 0.5 %              USP <731>`,
    `Shelf life: 36 months. Storage conditions: cool and dry.`,
    `A safety data sheet is available on request.`,
  ].join('\n')
}

function msds(r: () => number): string {
  const product = pick(r, PRODUCTS)
  return [
    `SAFETY DATA SHEET`,
    `according to Regulation (EC) No. 1907/2006`,
    `SECTION 1: Identification of the substance: ${product}`,
    `Supplier: ${pick(r, SUPPLIERS)}`,
    `SECTION 2: Hazards identification`,
    `GHS classification: Acute Tox. 4; Signal word: Warning`,
    `Hazard statements: H302 Harmful if swallowed. H319 Causes serious eye irritation.`,
    `Precautionary statements: P264, P280, P305+P351+P338`,
    `SECTION 3: Composition: CAS No. ${num(r, 1000, 9999)}-${num(r, 10, 99)}-${num(r, 1, 9)}`,
    `SECTION 4: First-aid measures`,
    `SECTION 5: Fire-fighting measures`,
    `SECTION 6: Accidental release measures`,
    `SECTION 8: Exposure controls/personal protection`,
    `SECTION 11: Toxicological information`,
    `SECTION 14: Transport information  UN ${num(r, 1000, 3500)}`,
  ].join('\n')
}

function invoice(r: () => number): string {
  const qty = num(r, 1, 50)
  const rate = num(r, 100, 900)
  return [
    pick(r, SUPPLIERS),
    `TAX INVOICE`,
    `Invoice No: ${num(r, 1000, 9999)}/25-26      Invoice Date: ${num(r, 10, 28)}-11-2025`,
    `GSTIN: 24AAACS${num(r, 1000, 9999)}K1Z5`,
    `Bill To: ${pick(r, BUYERS)}          Ship To: Central Stores`,
    `Sl  Description of goods        HSN     Qty    Rate    Amount`,
    `1   ${pick(r, PRODUCTS)}   2833    ${qty}   ${rate}.00   ${qty * rate}.00`,
    `Sub Total ${qty * rate}.00`,
    `CGST @ 9%   SGST @ 9%`,
    `Grand Total ${Math.round(qty * rate * 1.18)}.00`,
    `Amount in words: Rupees ${qty * rate} only`,
  ].join('\n')
}

const GENERATORS: Record<Exclude<DocType, 'other'>, (r: () => number) => string> = {
  tender,
  coa,
  specification,
  msds,
  invoice,
}

describe('classifyByCues on generated documents', () => {
  for (const [type, generate] of Object.entries(GENERATORS)) {
    it(`types 20 generated ${type} documents as ${type}, naming the cues`, () => {
      const r = rng(type.length * 7919)
      for (let i = 0; i < 20; i++) {
        const text = generate(r)
        const result = classifyByCues(text)
        expect(result.type, text).toBe(type)
        expect(result.confidence).toBeGreaterThan(0.2)
        expect(result.cues.length).toBeGreaterThan(0)
        expect(result.cues.every((c) => c.type === type)).toBe(true)
      }
    })
  }

  it('keeps a tender a tender when it asks for a certificate of analysis', () => {
    const result = classifyByCues(tender(rng(1)))
    expect(result.type).toBe('tender')
    expect(result.cues.map((c) => c.label).join(' ')).toMatch(/GeM bid number/)
  })

  it('types text with nothing of any desk as other, with high confidence', () => {
    const text = 'The quick brown fox jumps over the lazy dog.\nMeeting notes: lunch at noon, bring slides.'
    const result = classifyByCues(text)
    expect(result.type).toBe('other')
    expect(result.confidence).toBe(1)
    expect(classifyByCues('').type).toBe('other')
  })

  it('does not let one word repeated a thousand times decide', () => {
    const result = classifyByCues('tender '.repeat(1000))
    // "tender" alone is capped below what two different tender cues give.
    expect(result.cues.reduce((sum, c) => sum + c.weight, 0)).toBeLessThanOrEqual(4)
  })

  it('is deterministic and validates against its schema', () => {
    const text = coa(rng(5))
    expect(classifyByCues(text)).toEqual(classifyByCues(text))
    expect(docTypeResultSchema.parse(cueClassifier.classify(text)).classifier).toBe(cueClassifier.id)
  })

  it('has a user-facing label for every type, msds and invoice included', () => {
    expect(DOC_TYPES).toEqual(['tender', 'coa', 'specification', 'msds', 'invoice', 'other'])
    for (const type of DOC_TYPES) expect(DOC_TYPE_LABELS[type]).toMatch(/^[A-Z][a-z]/)
  })
})
