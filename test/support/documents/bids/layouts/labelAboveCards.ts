import { TERMS, type BidLayout } from '../layout'
import { newDocument, Sheet } from '../sheet'

const LEFT = 40
const RIGHT = 555
const COLUMNS = [LEFT, 212, 384, RIGHT]

/**
 * A portal's tender summary printed as a ruled grid of cards, three a row: each card a small grey
 * label with its value on the line under it, the way web portals print their detail pages.
 */
export const labelAboveCards: BidLayout = {
  name: 'label-above-cards',
  description: 'Portal summary, ruled cards with the label above the value',
  async render(v) {
    const { pdf, fonts } = await newDocument()
    const sheet = Sheet.add(pdf, fonts)
    const number = `${v.code}/${v.pick(['PROC', 'STR', 'MMD'])}/${v.int(1000, 9999)}/${v.pick(['2025-26', '2026-27'])}`
    sheet.centred(42, 'e-Procurement Portal', { size: 11 })
    sheet.centred(62, 'Tender Summary', { size: 13, bold: true })
    const cards: [string, string][][] = [
      [
        ['Tender Ref. No.', number],
        ['Organisation', v.truth.organisation],
        ['Tender Category', 'Goods'],
      ],
      [
        ['Item Description', v.truth.title],
        ['Quantity', `${v.quantity} ${v.unit}`],
        ['EMD (INR)', v.emdFigure],
      ],
      [
        ['Publishing Date', v.otherDate(-v.int(12, 30), 'cppp')],
        ['Bid Submission End Date', v.endDate('cppp')],
        ['Bid Opening Date', v.otherDate(1, 'cppp')],
      ],
    ]
    let y = 84
    const edges = [y]
    for (const row of cards) {
      let height = 0
      row.forEach(([label, value], i) => {
        const x = COLUMNS[i]! + 6
        const width = COLUMNS[i + 1]! - COLUMNS[i]! - 12
        sheet.text(x, y + 13, label, { size: 8, bold: true })
        const lines = sheet.wrap(value, width, { size: 9.5 })
        lines.forEach((line, k) => sheet.text(x, y + 27 + 12 * k, line, { size: 9.5 }))
        height = Math.max(height, 24 + 12 * lines.length)
      })
      y += height
      edges.push(y)
    }
    sheet.grid(COLUMNS, edges)
    for (const term of TERMS) y = sheet.paragraph(LEFT, y + 18, term, RIGHT - LEFT, { size: 9 }) - 6
    return { pdf: await pdf.save(), truth: { ...v.truth, bidNumber: number } }
  },
}
