import { STATES, TERMS, type BidLayout } from '../layout'
import { newDocument, Sheet } from '../sheet'

const LEFT = 40
const MIDDLE = 300
const RIGHT = 555
/** Where each column's values start: after its longest label and its colon. */
const LEFT_VALUE = 138
const RIGHT_VALUE = 420

/**
 * A state works department's Notice Inviting e-Tender whose particulars stand in two unruled
 * columns of "label : value" pairs side by side, values wrapping inside their column, the buyer
 * named only in the letterhead.
 */
export const twoColumnBlock: BidLayout = {
  name: 'two-column-block',
  description: 'State NIeT, two unruled columns of label : value pairs',
  async render(v) {
    const { pdf, fonts } = await newDocument()
    const sheet = Sheet.add(pdf, fonts)
    const state = v.pick(STATES)
    const number = `${v.code}/NIeT/${v.int(10, 480)}/${v.pick(['2025-26', '2026-27'])}`
    sheet.centred(44, v.truth.organisation, { size: 13, bold: true })
    sheet.centred(60, `Government of ${state}`, { size: 10 })
    sheet.centred(92, 'NOTICE INVITING e-TENDER (NIeT)', { size: 12, bold: true })
    sheet.text(LEFT, 118, `NIeT No. : ${number}`, { size: 10 })
    sheet.text(400, 118, `Dated : ${v.otherDate(-v.int(12, 28), 'day')}`, { size: 10 })
    const left: [string, string][] = [
      ['Name of Work', `Procurement of ${v.truth.title}`],
      ['Estimated Quantity', `${v.quantity} ${v.unit}`],
      ['Earnest Money', v.emd],
      ['Tender Cost', `Rs. ${v.pick([590, 1180, 2360])}`],
    ]
    const right: [string, string][] = [
      ['Inviting Officer', 'Superintending Engineer'],
      ['Bid Submission Closes', v.endDate('slashed')],
      ['Technical Bid Opens', v.otherDate(1, 'slashed')],
      ['Bid Validity', `${v.pick([90, 120, 180])} days`],
    ]
    const column = (pairs: [string, string][], x: number, valueX: number, edge: number) => {
      let y = 146
      for (const [label, value] of pairs) {
        sheet.text(x, y, label, { size: 9, bold: true })
        sheet.text(valueX - 8, y, ':', { size: 9, bold: true })
        const lines = sheet.wrap(value, edge - valueX - 6, { size: 9 })
        lines.forEach((line, k) => sheet.text(valueX, y + 12 * k, line, { size: 9 }))
        y += 12 * lines.length + 8
      }
      return y
    }
    let y = Math.max(column(left, LEFT, LEFT_VALUE, MIDDLE), column(right, MIDDLE + 6, RIGHT_VALUE, RIGHT))
    for (const term of TERMS) y = sheet.paragraph(LEFT, y + 16, term, RIGHT - LEFT, { size: 9 }) - 6
    return { pdf: await pdf.save(), truth: { ...v.truth, bidNumber: number } }
  },
}
