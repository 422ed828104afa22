import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { identifyFile } from '../../../../src/main/services/documents/intake'
import { DocumentPipeline } from '../../../../src/main/services/pipeline'
import { plainValue } from '../../../../src/main/services/tenders'
import { extractFields, type ExtractedFields } from '../../../../src/shared/tenders/fields'
import { builtDocumentWorker } from '../../../support/builtApp'
import { corpusFile } from '../../../support/corpus'

let pipeline: DocumentPipeline
beforeAll(() => {
  pipeline = new DocumentPipeline({ workerScript: builtDocumentWorker(), workers: 2 })
})
afterAll(() => pipeline.close())

async function fieldsOf(name: string): Promise<ExtractedFields> {
  const path = corpusFile(name)
  const { sha256, mediaType } = await identifyFile(path, 512 * 1024 * 1024)
  const text = await pipeline.extract({ path, file: path, sha256, mediaType })
  return extractFields(text.pages)
}

function values(extracted: ExtractedFields): Record<string, string> {
  return Object.fromEntries(Object.entries(extracted.fields).map(([k, f]) => [k, plainValue(f.normalised)]))
}

const BHEL = {
  ministry: 'Ministry Of Heavy Industries And Public Enterprises',
  department: 'Department Of Heavy Industry',
  organisation: 'Bharat Heavy Electricals Limited (bhel)',
}

// Values read off the PDFs by a person (page 1 "Bid Details" table, EMD/ePBG and preference sections).
describe('GeM bid fields on the real corpus bids', () => {
  it('GEM/2025/B/6572913 (BHEL Ranipet, maplitho paper): every listed field', async () => {
    const extracted = await fieldsOf('tender_gem_GEM-2025-B-6572913_bhel-maplitho.pdf')
    expect(extracted.kind).toBe('gem')
    expect(values(extracted)).toEqual({
      bidNumber: 'GEM/2025/B/6572913',
      bidType: 'bid',
      dated: '2025-08-19',
      bidEndDate: '2025-08-29T18:00:00+05:30',
      bidOpeningDate: '2025-08-29T18:30:00+05:30',
      offerValidity: '90',
      ...BHEL,
      office: 'Boiler Auxiliaries Plant Ranipet',
      totalQuantity: '900',
      itemCategory:
        'MAPLITHO PAPER 80GSM SIZE 0.841X100MTS , MAPLITHO PAPER 80 GSM SIZE-0.457X100 M , MAPLITHO PAPER 80GSM SIZE. 297X100MTS , MAPLITHO PAPER 80GSM SIZE. 594X100 MTS',
      emdRequired: 'no',
      epbgRequired: 'no',
      msePreference: 'yes',
      miiPreference: 'yes',
      mseExemption: 'no',
    })
    const f = extracted.fields
    expect(f.offerValidity?.normalised).toEqual({ kind: 'number', value: 90, unit: 'days' })
    expect(f.emdAmount).toBeUndefined()
    expect(f.emdRequired?.page).toBe(2)
    expect(f.epbgRequired?.page).toBe(3)
    // Every field says where it is: the end date sits right of its label on page 1.
    const end = f.bidEndDate!
    expect(end.page).toBe(1)
    expect(end.value).toBe('29-08-2025 18:00:00')
    expect(end.bbox[0]).toBeGreaterThan(end.labelBoxes[0]!.bbox[2])
    expect(end.confidence).toBeGreaterThan(0.9)
  })

  it('GEM/2026/B/7439924 (BHEL PEM Noida, rock wool mattresses): every listed field', async () => {
    const extracted = await fieldsOf('tender_gem_GEM-2026-B-7439924_rockwool.pdf')
    const v = values(extracted)
    expect(v.itemCategory).toMatch(
      /^Bonded mineral -Rock- wool mattresses with one side GS wire netting of 13 mm x 0\.56 mm size/,
    )
    expect(v.itemCategory).toMatch(/SS wire - Density 150 Kg per m3 and Thickness 75 MM$/)
    expect(v.itemCategory!.match(/Bonded mineral -Rock- wool mattresses/g)).toHaveLength(11)
    delete v.itemCategory
    expect(v).toEqual({
      bidNumber: 'GEM/2026/B/7439924',
      bidType: 'bid',
      dated: '2026-04-22',
      bidEndDate: '2026-05-02T15:00:00+05:30',
      bidOpeningDate: '2026-05-02T15:30:00+05:30',
      offerValidity: '180',
      ...BHEL,
      office: '10250020-pem, Noida',
      totalQuantity: '231900',
      emdAmount: '600000',
      emdRequired: 'yes',
      epbgPercentage: '5',
      epbgRequired: 'yes',
      msePreference: 'yes',
      miiPreference: 'yes',
      mseExemption: 'no',
    })
    expect(extracted.fields.emdAmount?.normalised).toEqual({ kind: 'money', amount: 600000, currency: 'INR' })
    expect(extracted.fields.emdAmount?.page).toBe(3)
    expect(extracted.fields.emdRequired?.method).toBe('derived')
  })
})

describe('CPPP notice through OCR', () => {
  it('reads the tender reference, tender ID, EMD and closing date of the scanned eProcure page', async () => {
    const extracted = await fieldsOf('tender_cppp_eprocure_2025_WBNPI_883395_1.pdf')
    expect(extracted.kind).toBe('cppp')
    const v = values(extracted)
    expect(v.tenderReference).toBe('PSGCT/CPPP/2025-26/03')
    expect(v.tenderId).toBe('2025_WBNPI_883395_1')
    expect(v.emdAmount).toBe('40000')
    expect(v.bidEndDate).toBe('2025-11-20T17:00:00+05:30')
    expect(v.bidOpeningDate).toBe('2025-11-24T10:00:00+05:30')
    expect(v.organisation).toContain('PSG COLLEGE OF TECHNOLOGY COIMBATORE')
    expect(extracted.fields.bidEndDate?.page).toBe(2)
    expect(extracted.fields.emdAmount?.confidence).toBeGreaterThan(0.3)
  }, 180_000)
})
