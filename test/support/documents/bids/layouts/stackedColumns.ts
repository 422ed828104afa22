import { TERMS, type BidLayout } from '../layout'
import { newDocument, Sheet } from '../sheet'

const LEFT = 50
const MIDDLE = 310
const RIGHT = 545

/**
 * A state e-procurement portal's "Tender Details" printout: no rules and no colons, each
 * particular a small bold label with its value on the line under it, in two columns; the
 * quantity's unit in its label, the EMD in rupees and paise.
 */
export const stackedColumns: BidLayout = {
  name: 'stacked-columns',
  description: 'Portal tender details printout, labels over values in two unruled columns',
  async render(v) {
    const { pdf, fonts } = await newDocument()
    const sheet = Sheet.add(pdf, fonts)
    const number = `${v.code}-${v.pick(['PUR', 'MMD', 'STR'])}-${v.int(10_000, 99_999)}-${v.pick(['2026', '2027'])}`
    sheet.text(LEFT, 50, 'Tender Details', { size: 14, bold: true })
    sheet.text(LEFT, 66, `Printed from the e-procurement portal of ${v.truth.organisation}`, { size: 8.5 })
    sheet.rule(LEFT, 74, RIGHT, 74, 0.5)
    const left: [string, string][] = [
      ['Tender Notice No.', number],
      ['Department', v.truth.organisation],
      ['Item Description', v.truth.title],
      [`Quantity (${v.unit})`, v.quantity],
    ]
    const right: [string, string][] = [
      ['EMD Amount (INR)', `${v.emdFigure}.00`],
      ['Tender Fee (INR)', `${v.pick(['590', '1,180', '2,360'])}.00`],
      ['Bid Submission Start', v.otherDate(-v.int(10, 20), 'cppp')],
      ['Bid Submission Last Date', v.endDate('cppp')],
    ]
    const column = (x: number, pairs: [string, string][]) => {
      let y = 98
      for (const [label, value] of pairs) {
        sheet.text(x, y, label, { size: 8.5, bold: true })
        y = sheet.paragraph(x, y + 13, value, MIDDLE - LEFT - 20, { size: 10 }) + 12
      }
      return y
    }
    let y = Math.max(column(LEFT, left), column(MIDDLE, right))
    for (const term of TERMS.slice(0, 2))
      y = sheet.paragraph(LEFT, y + 14, term, RIGHT - LEFT, { size: 9 }) - 6
    return { pdf: await pdf.save(), truth: { ...v.truth, bidNumber: number } }
  },
}
