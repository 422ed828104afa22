import { describe, expect, it } from 'vitest'
import {
  extractFields,
  FIELD_LABELS,
  FIELD_NAMES,
  type ExtractedFields,
} from '../../../../src/shared/tenders/fields'
import { plainValue } from '../../../../src/main/services/tenders/export'
import { makePage, type Row } from '../screening/makePage'

const values = (e: ExtractedFields) =>
  Object.fromEntries(Object.entries(e.fields).map(([k, f]) => [k, plainValue(f.normalised)]))
const labels = (e: ExtractedFields) =>
  Object.fromEntries(Object.entries(e.fields).map(([k, f]) => [k, f.label]))

/** GeM's "Bid Details" table: label, then the value in the second column, rows a line apart. */
const GEM: Row[] = (
  [
    [[100, 'Bid Details']],
    [
      [100, 'Bid Number'],
      [1000, 'GEM/2026/B/1234567'],
    ],
    [
      [100, 'Dated'],
      [1000, '10-04-2026'],
    ],
    [
      [100, 'Bid End Date/Time'],
      [1000, '02-05-2026 15:00:00'],
    ],
    [
      [100, 'Bid Opening Date/Time'],
      [1000, '02-05-2026 15:30:00'],
    ],
    [
      [100, 'Organisation Name'],
      [1000, 'Bharat Heavy Electricals Limited'],
    ],
    [
      [100, 'Total Quantity'],
      [1000, '400'],
    ],
    [
      [100, 'Item Category'],
      [1000, 'Rock wool mattresses'],
    ],
    [[100, 'EMD Detail']],
    [
      [100, 'EMD Amount'],
      [1000, '60000'],
    ],
  ] as Row[]
).flatMap((row) => [row, ''])

/** CPPP/eProcure "Tender Details": four columns, the EMD label carrying its unit. */
const CPPP: Row[] = [
  [[100, 'eProcurement System Government of India']],
  [
    [100, 'Tender Reference Number'],
    [800, 'PSG/CPPP/2026-27/01'],
    [1300, 'Tender ID'],
    [1800, '2026_TEST_1'],
  ],
  [
    [100, 'Title'],
    [800, 'Copier paper A4'],
    [1300, 'Tender Type'],
    [1800, 'Open Tender'],
  ],
  [
    [100, 'EMD Amount in ₹'],
    [800, '3,30,500'],
    [1300, 'EMD Exemption'],
    [1800, 'No'],
  ],
  [
    [100, 'Published Date'],
    [800, '10-06-2026 10:00 AM'],
    [1300, 'Bid Opening Date'],
    [1800, '03-07-2026 11:00 AM'],
  ],
  [
    [100, 'Bid Submission End Date'],
    [800, '01-07-2026 05:00 PM'],
    [1300, 'Organisation Chain'],
    [1800, 'PSG College'],
  ],
]

/** A notice from any other portal: "Label: value" lines. */
const NOTICE: Row[] = [
  'NOTICE INVITING TENDER',
  'Tender No: NTPC/RFQ/2026/77',
  'Reference No: NTPC/PUR/2026/12',
  'Name of Work: Supply of mineral wool slabs',
  'Last Date of Submission: 20/06/2026 14:00',
  'Earnest Money Deposit: INR 2,50,000/-',
]

describe('one field schema for every portal', () => {
  it("reads a GeM bid into the unified names, with GeM's labels as evidence", () => {
    const e = extractFields([makePage(1, GEM)])
    expect(e.kind).toBe('gem')
    expect(values(e)).toMatchObject({
      bidNumber: 'GEM/2026/B/1234567',
      publishedDate: '2026-04-10',
      bidEndDate: '2026-05-02T15:00:00+05:30',
      bidOpeningDate: '2026-05-02T15:30:00+05:30',
      organisation: 'Bharat Heavy Electricals Limited',
      totalQuantity: '400',
      title: 'Rock wool mattresses',
      emdAmount: '60000',
    })
    expect(labels(e)).toMatchObject({
      bidNumber: 'Bid Number',
      publishedDate: 'Dated',
      title: 'Item Category',
    })
  })

  it('reads a CPPP bid into the same names: Tender ID is the bid number, the reference beside it', () => {
    const e = extractFields([makePage(1, CPPP)])
    expect(e.kind).toBe('cppp')
    expect(values(e)).toEqual({
      bidNumber: '2026_TEST_1',
      referenceNumber: 'PSG/CPPP/2026-27/01',
      title: 'Copier paper A4',
      emdAmount: '330500',
      publishedDate: '2026-06-10T10:00:00+05:30',
      bidOpeningDate: '2026-07-03T11:00:00+05:30',
      bidEndDate: '2026-07-01T17:00:00+05:30',
      organisation: 'PSG College',
    })
    expect(labels(e)).toMatchObject({
      bidNumber: 'Tender ID',
      referenceNumber: 'Tender Reference Number',
      emdAmount: 'EMD Amount in ₹',
    })
    // The unit words belong to the label; the value is the amount in the next column, as written.
    expect(e.fields.emdAmount?.value).toBe('3,30,500')
    expect(e.fields.emdAmount?.normalised).toEqual({ kind: 'money', amount: 330500, currency: 'INR' })
    expect(e.fields.emdAmount?.labelBoxes).toHaveLength(1)
    expect(e.fields.emdAmount!.bbox[0]).toBe(800)
  })

  it('reads a notice of another portal into the same names', () => {
    const e = extractFields([makePage(1, NOTICE)])
    expect(e.kind).toBe('generic')
    expect(values(e)).toEqual({
      bidNumber: 'NTPC/RFQ/2026/77',
      referenceNumber: 'NTPC/PUR/2026/12',
      title: 'Supply of mineral wool slabs',
      bidEndDate: '2026-06-20T14:00:00+05:30',
      emdAmount: '250000',
    })
    expect(e.fields.emdAmount?.value).toBe('INR 2,50,000/-')
    expect(e.fields.bidNumber?.label).toBe('Tender No')
  })

  it('gives the ranked list one column for what every portal calls its number, title, end date and EMD', () => {
    const kinds = [GEM, CPPP, NOTICE].map((rows) => Object.keys(extractFields([makePage(1, rows)]).fields))
    for (const keys of kinds)
      expect(keys).toEqual(expect.arrayContaining(['bidNumber', 'title', 'bidEndDate', 'emdAmount']))
    for (const keys of kinds) for (const k of keys) expect(FIELD_NAMES).toContain(k)
  })

  it('has no portal-specific names left', () => {
    for (const old of ['tenderId', 'tenderReference', 'itemCategory', 'dated'])
      expect(FIELD_NAMES as readonly string[]).not.toContain(old)
    expect(FIELD_LABELS.title).toBe('Title / item')
  })
})
