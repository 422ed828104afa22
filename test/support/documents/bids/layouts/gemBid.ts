import { MINISTRIES, TERMS, type BidLayout } from '../layout'
import { newDocument, Sheet } from '../sheet'

const LEFT = 40
const SPLIT = 290
const RIGHT = 555

/**
 * GeM bid document, first page: a bilingual "Bid Details" table (Hindi label, English label in
 * one cell, value in the next) and the EMD detail table, the way GeM prints them.
 */
export const gemBid: BidLayout = {
  name: 'gem-bid',
  description: 'GeM bid document, bilingual two-column tables',
  async render(v) {
    const { pdf, fonts } = await newDocument()
    const sheet = Sheet.add(pdf, fonts)
    const number = `GEM/2026/B/${v.int(5_000_000, 9_999_999)}`
    sheet.centred(48, 'बिड दस्तावेज़ / Bid Document', { size: 14, bold: true })
    sheet.text(SPLIT, 78, `Bid Number/बिड संख्या: ${number}`, { size: 10, bold: true })
    sheet.text(SPLIT, 94, `Dated/दिनांक : ${v.otherDate(-v.int(8, 20), 'day').replace(/\./g, '-')}`, {
      size: 10,
    })
    sheet.text(LEFT, 124, 'बिड विवरण/Bid Details', { size: 11, bold: true })
    const rows: [string, string][] = [
      ['बिड समाप्ति तिथि/समय Bid End Date/Time', v.endDate('gem')],
      ['बिड खोलने की तिथि/समय Bid Opening Date/Time', v.otherDate(1 / 48, 'gem')],
      [
        'बिड पेशकश वैधता (बंद होने की तारीख से) Bid Offer Validity (From End Date)',
        `${v.pick([90, 120, 180])} (Days)`,
      ],
      ['मंत्रालय/राज्य का नाम Ministry/State Name', v.pick(MINISTRIES)],
      [
        'विभाग का नाम Department Name',
        `Department of ${v.pick(['Heavy Industry', 'Public Enterprises', 'Water Resources'])}`,
      ],
      ['संगठन का नाम Organisation Name', v.truth.organisation],
      [
        'कार्यालय का नाम Office Name',
        `${v.pick(['Central Stores', 'Regional Office', 'Works'])}, ${v.pick(['Ranipet', 'Noida', 'Bhopal', 'Vadodara'])}`,
      ],
      ['कुल मात्रा Total Quantity', String(v.truth.totalQuantity)],
      ['वस्तु श्रेणी Item Category', v.truth.title],
      ['एमएसई खरीद वरीयता MSE Purchase Preference', v.pick(['Yes', 'No'])],
    ]
    let y = table(sheet, 134, rows)
    sheet.text(LEFT, y + 26, 'ईएमडी विवरण/EMD Detail', { size: 11, bold: true })
    y = table(sheet, y + 36, [
      ['आवश्यकता Required', 'Yes'],
      ['एडवाइजरी बैंक Advisory Bank', 'State Bank of India'],
      ['ईएमडी राशि EMD Amount', String(v.truth.emdAmount)],
    ])
    y += 24
    for (const term of TERMS.slice(0, 2)) y = sheet.paragraph(LEFT, y, term, RIGHT - LEFT, { size: 8 }) + 4
    return { pdf: await pdf.save(), truth: { ...v.truth, bidNumber: number } }
  },
}

/** A ruled label/value table from `top`; each cell wraps; returns its bottom edge. */
function table(sheet: Sheet, top: number, rows: [string, string][]): number {
  const edges = [top]
  let y = top
  for (const [label, value] of rows) {
    const labelLines = sheet.wrap(label, SPLIT - LEFT - 12, { size: 9.5 })
    const valueLines = sheet.wrap(value, RIGHT - SPLIT - 12, { size: 9.5 })
    const height = 8 + 13 * Math.max(labelLines.length, valueLines.length)
    // GeM centres a short cell against a taller neighbour.
    const place = (lines: string[], x: number) => {
      let base = y + (height - 13 * lines.length) / 2 + 10
      for (const line of lines) {
        sheet.text(x, base, line, { size: 9.5 })
        base += 13
      }
    }
    place(labelLines, LEFT + 6)
    place(valueLines, SPLIT + 6)
    y += height
    edges.push(y)
  }
  sheet.grid([LEFT, SPLIT, RIGHT], edges)
  return y
}
