import { TERMS, type BidLayout } from '../layout'
import { newDocument, Sheet } from '../sheet'

const LEFT = 50
const RIGHT = 545

/**
 * A central PSU's open tender enquiry: a Hindi and English letterhead, then one ruled two-column
 * table whose labels carry both scripts ("मात्रा / Quantity").
 */
export const bilingualTable: BidLayout = {
  name: 'bilingual-table',
  description: 'PSU open tender, Hindi/English label table',
  async render(v) {
    const { pdf, fonts } = await newDocument()
    const sheet = Sheet.add(pdf, fonts)
    const number = `OT/${v.int(100, 999)}/${v.pick(['2026', '2026-27'])}/${v.code}`
    sheet.centred(44, 'भारत सरकार का उपक्रम', { size: 10 })
    sheet.centred(62, v.truth.organisation, { size: 13, bold: true })
    sheet.centred(78, '(A Government of India Undertaking)', { size: 9 })
    sheet.centred(106, 'खुली निविदा पूछताछ / OPEN TENDER ENQUIRY', { size: 12, bold: true })
    const rows: [string, string][] = [
      ['निविदा संख्या / Tender Enquiry No.', number],
      ['सामग्री का विवरण / Material Description', v.truth.title],
      ['मात्रा / Quantity', `${v.quantity} ${v.unit}`],
      ['बयाना राशि / EMD', v.emd],
      ['निविदा प्राप्ति की अंतिम तिथि / Tender Due Date', v.endDate('cppp')],
      ['निविदा खुलने की तिथि / Opening Date', v.otherDate(1, 'cppp')],
      ['प्रस्ताव की वैधता / Offer Validity', `${v.pick([90, 120])} days`],
    ]
    const mid = 300
    let y = 124
    const edges = [y]
    for (const [label, value] of rows) {
      const labelLines = sheet.wrap(label, mid - LEFT - 10, { size: 9.5 })
      const valueLines = sheet.wrap(value, RIGHT - mid - 10, { size: 9.5 })
      labelLines.forEach((line, k) => sheet.text(LEFT + 5, y + 14 + 12 * k, line, { size: 9.5 }))
      valueLines.forEach((line, k) => sheet.text(mid + 5, y + 14 + 12 * k, line, { size: 9.5 }))
      y += 8 + 12 * Math.max(labelLines.length, valueLines.length)
      edges.push(y)
    }
    sheet.grid([LEFT, mid, RIGHT], edges)
    y += 16
    for (const term of TERMS) y = sheet.paragraph(LEFT, y + 6, term, RIGHT - LEFT, { size: 9 })
    sheet.text(RIGHT - 130, y + 40, 'Senior Manager (C&P)', { size: 10, bold: true })
    return { pdf: await pdf.save(), truth: { ...v.truth, bidNumber: number } }
  },
}
