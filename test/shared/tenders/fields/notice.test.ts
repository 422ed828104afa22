import { describe, expect, it } from 'vitest'
import { plainValue } from '../../../../src/main/services/tenders'
import {
  extractFields,
  findWordLabels,
  pageGeometry,
  type ExtractedFields,
} from '../../../../src/shared/tenders/fields'
import { makePage, type Row } from '../screening/makePage'

function keyValues(rows: Row[], confidence?: number): Record<string, string> {
  const e: ExtractedFields = extractFields([
    makePage(1, rows, confidence === undefined ? {} : { confidence }),
  ])
  const out: Record<string, string> = {}
  for (const name of [
    'bidNumber',
    'bidEndDate',
    'organisation',
    'totalQuantity',
    'emdAmount',
    'title',
  ] as const) {
    const f = e.fields[name]
    if (f) out[name] = plainValue(f.normalised)
  }
  return out
}

describe('labels on the words of a page', () => {
  it('finds a label with OCR slips, and one wrapped onto the next line of its cell', () => {
    const page = makePage(
      1,
      [
        [
          [100, 'Tender N0.'],
          [900, 'X/1'],
        ],
        [[100, 'Last Date of']],
        [[100, 'Submisson']],
      ],
      {
        confidence: 80,
      },
    )
    const geo = pageGeometry(page)
    expect(findWordLabels(geo, 'Tender No').map((h) => h.words.map((w) => page.words[w]!.text))).toEqual([
      ['Tender', 'N0.'],
    ])
    const wrapped = findWordLabels(geo, 'Last Date of Submission')
    expect(wrapped.map((h) => h.words.map((w) => page.words[w]!.text))).toEqual([
      ['Last', 'Date', 'of', 'Submisson'],
    ])
    // Two slips are too many for a label this short.
    expect(findWordLabels(geo, 'Tender Mo')).toHaveLength(1)
    expect(findWordLabels(geo, 'Fender Mo')).toHaveLength(0)
  })

  it('counts the letters a label leaves over in its last word as slips', () => {
    const page = makePage(
      1,
      [
        [
          [100, 'Tender Cost :'],
          [900, 'Rs. 2360'],
        ],
        [[100, 'Quantitys :']],
      ],
      {
        confidence: 80,
      },
    )
    const geo = pageGeometry(page)
    expect(findWordLabels(geo, 'Tender No')).toEqual([]) // "tenderco" is one slip, and "st" two more
    expect(findWordLabels(geo, 'Quantity')).toHaveLength(1)
  })

  it('does not take a word inside a sentence for a label', () => {
    const page = makePage(1, ['The purchaser reserves the right to reject any bid.'])
    expect(findWordLabels(pageGeometry(page), 'Purchaser')).toHaveLength(0)
  })
})

describe('key fields of notices in layouts the desk was not built on', () => {
  it('takes the cell under a heading whose neighbour is a column heading, and a letterhead name without its phone', () => {
    expect(
      keyValues([
        [
          [100, 'Northern Railway'],
          [1700, 'Phone: 011-2345678'],
        ],
        [
          [100, 'RFQ No.: NR/C&P/RFQ/4411'],
          [1700, 'Dated: 20.12.2026'],
        ],
        [
          [100, 'Description of Material'],
          [1300, 'Unit'],
          [1600, 'Qty'],
        ],
        [
          [100, 'Hydrated Lime Powder'],
          [1300, 'MT'],
          [1600, '350'],
        ],
      ]),
    ).toMatchObject({
      bidNumber: 'NR/C&P/RFQ/4411',
      organisation: 'Northern Railway',
      title: 'Hydrated Lime Powder',
      totalQuantity: '350',
    })
  })

  it('skips a cell edge OCR read as a lone "1" it was all but sure of not being one', () => {
    const page = makePage(
      1,
      [
        [
          [100, 'Description of Material'],
          [1300, 'Unit'],
          [1600, 'Qty'],
        ],
        [
          [100, 'Hydrated Lime Powder'],
          [1300, 'MT'],
          [1585, '1'],
          [1620, '878'],
        ],
      ],
      { confidence: 90 },
    )
    const edge = page.words.find((w) => w.text === '1')!
    const read = (confidence: number) => {
      edge.confidence = confidence
      return extractFields([page]).fields.totalQuantity?.value
    }
    expect(read(3)).toBe('878')
    expect(read(60)).not.toBe('878') // a "1" OCR was fairly sure of is text like any other
  })

  it('reads two columns of label : value pairs, each value stopping where the next pair begins', () => {
    const page = makePage(1, [
      [
        [100, 'Name of Work :'],
        [600, 'Procurement of Copper Power Cable'],
        [1420, 'Inviting Officer :'],
        [2000, 'Superintending Engineer'],
      ],
      [
        [100, 'Estimated Quantity :'],
        [600, '774 Nos'],
        [1420, 'Bid Submission Closes :'],
        [2000, '21/10/2026 at 10:00'],
      ],
      [
        [100, 'Earnest Money :'],
        [600, 'Rs. 2,40,000'],
        [1420, 'Technical Bid Opens :'],
        [2000, '22/10/2026 at 10:00'],
      ],
      [
        [100, 'NIeT No. :'],
        [600, 'DJB/NIeT/362/2026-27'],
        [1420, 'Bid Validity :'],
        [2000, '90 days'],
      ],
    ])
    const { fields } = extractFields([page])
    expect(fields.title?.value).toBe('Procurement of Copper Power Cable')
    expect(fields.bidNumber?.value).toBe('DJB/NIeT/362/2026-27')
    expect(fields.bidEndDate?.normalised).toEqual({ kind: 'date-time', iso: '2026-10-21T10:00:00+05:30' })
    expect(fields.totalQuantity?.normalised).toMatchObject({ kind: 'number', value: 774 })
    expect(fields.emdAmount?.normalised).toMatchObject({ kind: 'money', amount: 240000 })
  })

  it('keeps the value beside its label in a grid of label–value pairs', () => {
    expect(
      keyValues([
        [
          [100, 'Organisation'],
          [500, 'Delhi Jal Board'],
          [1200, 'Department'],
          [1600, 'Stores'],
        ],
        [
          [100, 'Tender Type'],
          [500, 'Open'],
          [1200, 'Bidding Style'],
          [1600, 'Single Packet'],
        ],
      ]),
    ).toMatchObject({ organisation: 'Delhi Jal Board' })
  })

  it('reads a card under its label when the label stands in a row of labels', () => {
    expect(
      keyValues([
        [
          [100, 'Tender Ref. No.'],
          [700, 'Organisation'],
          [1300, 'Tender Category'],
        ],
        [
          [100, 'DJB/PROC/4821/2026-27'],
          [700, 'Delhi Jal Board'],
          [1300, 'Goods'],
        ],
      ]),
    ).toMatchObject({ bidNumber: 'DJB/PROC/4821/2026-27', organisation: 'Delhi Jal Board' })
  })

  it('reads a lettered list whose labels run into dotted leaders OCR read as letters', () => {
    const page = makePage(
      1,
      [
        [
          [100, '(a)'],
          [200, 'Tender Notice No.'],
          [700, '..ovveeeecrrereeeccireriee'],
          [1300, 'IOCL/MECH/T-311/2026'],
        ],
        [
          [100, '(©)'],
          [200, 'QUANTILY'],
          [420, 'Loire'],
          [1300, '456 Set'],
        ],
      ],
      { confidence: 90 },
    )
    // The leaders: letters OCR was all but sure of not reading.
    for (const w of page.words) if (/^(?:\.\.ov|Loire)/.test(w.text)) w.confidence = 3
    const e = extractFields([page])
    expect(e.fields.bidNumber?.value).toBe('IOCL/MECH/T-311/2026')
    expect(e.fields.totalQuantity?.normalised).toEqual({ kind: 'number', value: 456 })
  })

  it('reads labels that close a longer cell phrase, beside a column of clause numbers', () => {
    const read = keyValues([
      [
        [100, 'ITB 1.1'],
        [400, 'Name of the Purchaser'],
        [1300, 'Kerala Water Authority'],
      ],
      [
        [100, 'ITB 1.2'],
        [400, 'Subject of Procurement'],
        [1300, 'Centrifugal Pump Set 15 HP'],
      ],
      [
        [100, 'ITB 19.1'],
        [400, 'Amount of Bid Security'],
        [1300, 'Rs. 1,87,500/-'],
      ],
      'Any bid may be rejected by the purchaser',
    ])
    expect(read).toMatchObject({
      organisation: 'Kerala Water Authority',
      title: 'Centrifugal Pump Set 15 HP',
      emdAmount: '187500',
    })
  })

  it('reads the particulars an advertisement writes into its sentences, a label wrapped over two lines', () => {
    const read = keyValues([
      'Online bids are invited from reputed manufacturers and their authorised',
      'dealers for the supply of 177 Set of Diesel Generator Set 125 kVA. Earnest',
      'Money Deposit: INR 3,68,500. Cost of tender document: Rs. 500/-.',
      'Last date and time for submission of bids: 24.06.2027 upto 18:00 hrs.',
    ])
    expect(read).toMatchObject({
      totalQuantity: '177',
      title: 'Diesel Generator Set 125 kVA',
      emdAmount: '368500',
      bidEndDate: '2027-06-24T18:00:00+05:30',
    })
  })

  it("reads a letter's subject and the closing date in its conditions, not a label inside a sentence", () => {
    const read = keyValues([
      'Sub: Limited tender enquiry for the supply of 765 Nos of Centrifugal Pump Set 15 HP – reg.',
      'Dear Sir/Madam, sealed quotations are invited from eligible firms for the above supply, subject to',
      'the conditions below.',
      '1. Quotations will be opened on 19.02.2027 in the presence of bidders.',
      '2. Quotations must reach this office on or before 18/02/2027 at 15:00.',
    ])
    expect(read).toMatchObject({
      totalQuantity: '765',
      title: 'Centrifugal Pump Set 15 HP',
      bidEndDate: '2027-02-18T15:00:00+05:30',
    })
  })

  it('does not read a sentence that starts with a label as the label and its value', () => {
    const read = keyValues(['Purchaser reserves the right to reject any bid.'])
    expect(read.organisation).toBeUndefined()
  })

  it("drops a colon that OCR glued to a figure where the list's colons stand", () => {
    expect(
      keyValues(
        [
          [
            [100, 'Tender No.'],
            [800, ':'],
            [850, 'CIL/MM/25/5074'],
          ],
          [
            [100, 'Quantity'],
            [800, '112,963'],
            [1000, 'Metre'],
          ],
        ],
        80,
      ),
    ).toMatchObject({ totalQuantity: '12963' })
  })

  it('reads a key-value list whose labels carry OCR slips', () => {
    expect(
      keyValues(
        [
          'KERALA WATER AUTHORITY',
          [
            [100, 'Enquiry N0.'],
            [800, ':'],
            [850, 'KWA/PUR/ENQ/4411'],
          ],
          [
            [100, 'Name of Purchaser'],
            [800, ':'],
            [850, 'Kerala Water Authority'],
          ],
          [
            [100, 'Description of Materia1'],
            [800, ':'],
            [850, 'Bleaching Powder Stable Grade'],
          ],
          [
            [100, 'Ouantity Required'],
            [800, ':'],
            [850, '1,200 Kg'],
          ],
          [
            [100, 'Earnest Money Dep0sit'],
            [800, ':'],
            [850, 'Rs. 5.9 lakh'],
          ],
          [
            [100, 'Due Date & Time for Submission'],
            [800, ':'],
            [850, '14/06/2026 at 15:00'],
          ],
        ],
        82,
      ),
    ).toEqual({
      bidNumber: 'KWA/PUR/ENQ/4411',
      organisation: 'Kerala Water Authority',
      title: 'Bleaching Powder Stable Grade',
      totalQuantity: '1200',
      emdAmount: '590000',
      bidEndDate: '2026-06-14T15:00:00+05:30',
    })
  })

  it('reads values from under their headings, and a wrapped heading', () => {
    expect(
      keyValues([
        'Delhi Jal Board',
        'NIT No. DJB/EE/23/2026-27',
        [
          [100, 'Name of Item'],
          [900, 'Quantity'],
          [1300, 'EMD (₹)'],
          [1700, 'Last Date of'],
        ],
        [[1700, 'Submission']],
        [
          [100, 'Hydrated Lime Powder'],
          [900, '350 MT'],
          [1300, '1,70,000'],
          [1700, '04.08.2026 upto 15:00 hrs'],
        ],
      ]),
    ).toEqual({
      bidNumber: 'DJB/EE/23/2026-27',
      organisation: 'Delhi Jal Board',
      title: 'Hydrated Lime Powder',
      totalQuantity: '350',
      emdAmount: '170000',
      bidEndDate: '2026-08-04T15:00:00+05:30',
    })
  })

  it("takes a corrigendum's revised value, not the existing one", () => {
    const values = keyValues([
      [
        [100, 'Particulars'],
        [1000, 'Existing'],
        [1700, 'Revised'],
      ],
      [
        [100, 'Bid Submission End Date'],
        [1000, '11-03-2027 15:00:00'],
        [1700, '24-03-2027 15:00:00'],
      ],
      [
        [100, 'EMD Amount (₹)'],
        [1000, '4,31,250'],
        [1700, '3,45,000'],
      ],
    ])
    expect(values.bidEndDate).toBe('2027-03-24T15:00:00+05:30')
    expect(values.emdAmount).toBe('345000')
  })

  it('reads Hindi labels', () => {
    const values = keyValues([
      [
        [100, 'कुल मात्रा'],
        [900, '350'],
      ],
      [
        [100, 'ईएमडी राशि'],
        [900, '45,000'],
      ],
    ])
    expect(values).toMatchObject({ totalQuantity: '350', emdAmount: '45000' })
  })

  it('reads the same fields from OCR words as from a text layer', () => {
    const rows: Row[] = [
      'Bharat Heavy Electricals Limited',
      [
        [100, 'Tender No.'],
        [800, 'BHEL/MM/25/1234'],
      ],
      [
        [100, 'Name of Item'],
        [800, 'Industrial Safety Helmet'],
      ],
      [
        [100, 'Quantity'],
        [800, '703 Nos'],
      ],
      [
        [100, 'EMD'],
        [800, 'INR 45,000'],
      ],
      [
        [100, 'Closing Date'],
        [800, '20-Nov-2026 11:00 AM'],
      ],
    ]
    expect(keyValues(rows, 71)).toEqual(keyValues(rows))
    expect(Object.keys(keyValues(rows))).toHaveLength(6)
  })

  it('reads a page scanned 2° askew, and gives boxes where the words are on that page', () => {
    const rows: Row[] = [
      'Bharat Heavy Electricals Limited',
      [
        [100, 'Tender No.'],
        [1400, 'BHEL/MM/25/1234'],
      ],
      [
        [100, 'Name of Item'],
        [1400, 'Industrial Safety Helmet'],
      ],
      [
        [100, 'Quantity'],
        [1400, '703 Nos'],
      ],
      [
        [100, 'EMD'],
        [1400, 'INR 45,000'],
      ],
      [
        [100, 'Closing Date'],
        [1400, '20-Nov-2026 11:00 AM'],
      ],
    ]
    const straight = makePage(1, rows, { confidence: 90 })
    // Turned 2° clockwise about the top-left corner: a row's right end sits lower than its left.
    const [sin, cos] = [Math.sin((2 * Math.PI) / 180), Math.cos((2 * Math.PI) / 180)]
    const turn = ([x0, y0, x1, y1]: readonly number[]): [number, number, number, number] => {
      const [cx, cy] = [(x0! + x1!) / 2, (y0! + y1!) / 2]
      const [x, y] = [cx * cos - cy * sin, cx * sin + cy * cos]
      const [w, h] = [(x1! - x0!) / 2, (y1! - y0!) / 2]
      return [x - w, y - h, x + w, y + h]
    }
    const askew = {
      ...straight,
      words: straight.words.map((w) => ({ ...w, bbox: turn(w.bbox) })),
      lines: straight.lines.map((l) => ({ ...l, bbox: turn(l.bbox) })),
    }
    const e = extractFields([askew])
    expect(
      Object.fromEntries(Object.entries(e.fields).map(([k, f]) => [k, plainValue(f.normalised)])),
    ).toMatchObject(keyValues(rows))
    const emd = e.fields.emdAmount!
    const word = askew.words.find((w) => w.text === '45,000')!
    expect(Math.abs(emd.bbox[1] - word.bbox[1])).toBeLessThan(3)
    expect(Math.abs(emd.bbox[2] - word.bbox[2])).toBeLessThan(3)
  })
})

describe('rules learnt on the layouts studied on 2026-12-07', () => {
  it('reads a portal printout of stacked pairs in two columns: each value under its label', () => {
    const values = keyValues([
      [
        [100, 'Item Description'],
        [1300, 'Bid Submission Start'],
      ],
      [
        [100, 'Laptop Computer Core i5'],
        [1300, '18-May-2026 06:00 PM'],
      ],
      '',
      [
        [100, 'Quantity (Nos)'],
        [1300, 'Bid Submission Last Date'],
      ],
      [
        [100, '869'],
        [1300, '31-May-2026 06:00 PM'],
      ],
    ])
    expect(values).toMatchObject({
      title: 'Laptop Computer Core i5',
      totalQuantity: '869',
      bidEndDate: '2026-05-31T18:00:00+05:30',
    })
  })

  it('keeps values right of their labels in an evenly spaced grid without colons', () => {
    const values = keyValues([
      [
        [100, 'Item Description'],
        [1300, 'Laptop Computer Core i5'],
      ],
      [
        [100, 'Quantity'],
        [1300, '869 Nos'],
      ],
      [
        [100, 'Closing Date'],
        [1300, '31-May-2026 06:00 PM'],
      ],
    ])
    expect(values).toMatchObject({ title: 'Laptop Computer Core i5', totalQuantity: '869' })
  })

  it('reads past a second name for the label ("/ material") to the value, and no title from "Stores & Purchase"', () => {
    expect(
      keyValues([
        [
          [100, 'Name of the item / material'],
          [1300, 'Copper Power Cable'],
        ],
      ]).title,
    ).toBe('Copper Power Cable')
    expect(keyValues(['Stores & Purchase Department', 'Tender No: GSECL/ST/41/2026']).title).toBeUndefined()
  })

  it('reads a table row under abbreviated, wrapped headings joined by "/" and "&"', () => {
    const values = keyValues([
      [
        [100, 'NIT No.'],
        [500, 'Name of Work / Item'],
        [1300, 'Last Date &'],
      ],
      [[1300, 'Time of Receipt']],
      [
        [100, '4/BHEL/SE/2027-28'],
        [500, 'Supply of Laptop'],
        [1300, '18/08/2026 at'],
      ],
      [
        [500, 'Computer Core i5'],
        [1300, '17:00'],
      ],
    ])
    expect(values.title).toBe('Supply of Laptop Computer Core i5')
    expect(values.bidEndDate).toBe('2026-08-18T17:00:00+05:30')
  })

  it("reads a margin heading's paragraph: the item without its quantity clause, the quantity from the sentence", () => {
    const values = keyValues([
      [
        [100, 'PURCHASER'],
        [500, 'Bharat Heavy Electricals Limited, Central Stores'],
      ],
      [
        [100, 'STORES'],
        [500, 'Aluminium Sulphate Non Ferric, quantity 54,347 MT, as per the'],
      ],
      [[500, 'specification attached.']],
    ])
    expect(values).toMatchObject({
      title: 'Aluminium Sulphate Non Ferric',
      totalQuantity: '54347',
      organisation: 'Bharat Heavy Electricals Limited, Central Stores',
    })
  })

  it('reads a cover page: the item under a "Description" heading, the buyer under "Issued by"', () => {
    const values = keyValues([
      [
        [100, 'Sl.'],
        [300, 'Description'],
        [1300, 'Quantity'],
        [1700, 'Unit'],
      ],
      [
        [100, '1'],
        [300, 'Laptop Computer Core i5'],
        [1300, '821'],
        [1700, 'Nos'],
      ],
      '',
      '',
      [[100, 'Issued by']],
      [[100, 'Bharat Heavy Electricals Limited']],
    ])
    expect(values).toMatchObject({
      title: 'Laptop Computer Core i5',
      totalQuantity: '821',
      organisation: 'Bharat Heavy Electricals Limited',
    })
  })

  it('reads "&" in a label as "and"', () => {
    const page = makePage(1, [
      [
        [100, 'Last Date & Time of Submission'],
        [1300, '12/03/2026 15:00'],
      ],
    ])
    const hits = findWordLabels(pageGeometry(page), 'Last Date and Time of Submission')
    expect(hits).toHaveLength(1)
  })
})

describe('a label closed by a dash', () => {
  it('measures the label by its letters, not by the sliver of its "-", so a slightly lower value is still beside it', () => {
    const page = makePage(1, [
      [
        [100, 'b) Material -'],
        [500, 'A4 Copier Paper 75 GSM'],
      ],
    ])
    // The dash as OCR boxes it: a few pixels tall at mid-height; the value a little lower, as on a
    // page scanned askew.
    const words = page.words.map((w) => {
      if (w.text === '-')
        return { ...w, bbox: [w.bbox[0], 118, w.bbox[2], 123] as [number, number, number, number] }
      if (w.bbox[0] >= 500)
        return {
          ...w,
          bbox: [w.bbox[0], w.bbox[1] + 14, w.bbox[2], w.bbox[3] + 14] as [number, number, number, number],
        }
      return w
    })
    const e = extractFields([{ ...page, words }])
    expect(e.fields.title?.value).toBe('A4 Copier Paper 75 GSM')
  })
})

describe('a label in brackets after its Hindi name', () => {
  it('reads "(Name of Material)" as the item\'s label, the bracket starting its phrase', () => {
    const values = keyValues([
      [
        [100, 'सामग्री का नाम (Name of Material)'],
        [1100, ':'],
        [1150, 'Poly Aluminium Chloride Powder'],
      ],
      [
        [100, 'आवश्यक मात्रा (Quantity Required)'],
        [1100, ':'],
        [1150, '67,955 Kg'],
      ],
    ])
    expect(values).toMatchObject({ title: 'Poly Aluminium Chloride Powder', totalQuantity: '67955' })
  })
})

describe('an enquiry letter with its item in the body', () => {
  it('reads the item bought before its bracketed quantity, and the closing date under "Due on"', () => {
    const values = keyValues([
      [
        [1400, 'Due on'],
        [1700, '21/10/2026 10:00'],
      ],
      'Dear Sir / Madam,',
      'We intend to purchase Hydrated Lime Powder (Quantity: 500 Kg) as per the specification enclosed.',
    ])
    expect(values).toMatchObject({
      title: 'Hydrated Lime Powder',
      totalQuantity: '500',
      bidEndDate: '2026-10-21T10:00:00+05:30',
    })
  })
})
