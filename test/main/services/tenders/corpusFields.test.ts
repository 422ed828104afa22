import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { identifyFile } from '../../../../src/main/services/documents/intake'
import { DocumentPipeline } from '../../../../src/main/services/pipeline'
import { plainValue } from '../../../../src/main/services/tenders'
import { extractFields, FIELD_NAMES, type ExtractedFields } from '../../../../src/shared/tenders/fields'
import { builtDocumentWorker } from '../../../support/builtApp'
import { corpusFile } from '../../../support/corpus'
import { useTempDirs } from '../../../support/tempDir'
import { bidPdf, type Bid } from './bidPdf'

let pipeline: DocumentPipeline
beforeAll(() => {
  pipeline = new DocumentPipeline({ workerScript: builtDocumentWorker(), workers: 2 })
})
afterAll(() => pipeline.close())

const tempDir = useTempDirs()

async function fieldsOf(name: string, path = corpusFile(name)): Promise<ExtractedFields> {
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
      publishedDate: '2025-08-19',
      bidEndDate: '2025-08-29T18:00:00+05:30',
      bidOpeningDate: '2025-08-29T18:30:00+05:30',
      offerValidity: '90',
      ...BHEL,
      office: 'Boiler Auxiliaries Plant Ranipet',
      totalQuantity: '900',
      title:
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
    expect(v.title).toMatch(
      /^Bonded mineral -Rock- wool mattresses with one side GS wire netting of 13 mm x 0\.56 mm size/,
    )
    expect(v.title).toMatch(/SS wire - Density 150 Kg per m3 and Thickness 75 MM$/)
    expect(v.title!.match(/Bonded mineral -Rock- wool mattresses/g)).toHaveLength(11)
    delete v.title
    expect(v).toEqual({
      bidNumber: 'GEM/2026/B/7439924',
      bidType: 'bid',
      publishedDate: '2026-04-22',
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
  it('reads the tender ID, reference, EMD and closing date of the scanned eProcure page into the unified names', async () => {
    const extracted = await fieldsOf('tender_cppp_eprocure_2025_WBNPI_883395_1.pdf')
    expect(extracted.kind).toBe('cppp')
    const v = values(extracted)
    expect(v.referenceNumber).toBe('PSGCT/CPPP/2025-26/03')
    expect(v.bidNumber).toBe('2025_WBNPI_883395_1')
    expect(extracted.fields.bidNumber?.label).toBe('Tender ID')
    expect(extracted.fields.referenceNumber?.label).toBe('Tender Reference Number')
    expect(v.emdAmount).toBe('40000')
    expect(v.bidEndDate).toBe('2025-11-20T17:00:00+05:30')
    expect(v.bidOpeningDate).toBe('2025-11-24T10:00:00+05:30')
    expect(v.organisation).toContain('PSG COLLEGE OF TECHNOLOGY COIMBATORE')
    expect(extracted.fields.bidEndDate?.page).toBe(2)
    expect(extracted.fields.emdAmount?.confidence).toBeGreaterThan(0.3)
  }, 180_000)
})

describe('generated bids of both portals', () => {
  it('a CPPP-style bid gives the same field names as a GeM one', async () => {
    const bid: Bid = {
      number: 'PSG/CPPP/2026-27/01',
      item: 'Copier paper A4',
      quantity: 500,
      endDate: '01-07-2026 17:00',
      emd: 330500,
    }
    const read = async (layout: 'gem' | 'grid', number: string) => {
      const path = join(tempDir(), `${layout}.pdf`)
      writeFileSync(path, await bidPdf({ ...bid, number }, layout))
      return fieldsOf(`${layout}.pdf`, path)
    }
    const gem = await read('gem', 'GEM/2026/B/1000001')
    const cppp = await read('grid', 'PSG/CPPP/2026-27/01')
    expect([gem.kind, cppp.kind]).toEqual(['gem', 'cppp'])
    const shared = ['bidNumber', 'title', 'bidEndDate', 'emdAmount']
    for (const e of [gem, cppp]) {
      expect(Object.keys(e.fields)).toEqual(expect.arrayContaining(shared))
      for (const k of Object.keys(e.fields)) expect(FIELD_NAMES).toContain(k)
    }
    const common = (e: ExtractedFields) => Object.fromEntries(shared.map((k) => [k, values(e)[k]]))
    expect(common(gem)).toEqual({
      bidNumber: 'GEM/2026/B/1000001',
      title: 'Copier paper A4',
      bidEndDate: '2026-07-01T17:00:00+05:30',
      emdAmount: '330500',
    })
    expect(common(cppp)).toEqual({ ...common(gem), bidNumber: '2026_TEST_1' })
    expect(values(cppp).referenceNumber).toBe('PSG/CPPP/2026-27/01')
    expect(cppp.fields.bidNumber?.label).toBe('Tender ID')
    expect(cppp.fields.emdAmount?.label).toBe('EMD Amount in Rs')
  }, 60_000)
})
