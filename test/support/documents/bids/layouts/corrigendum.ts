import { TERMS, type BidLayout } from '../layout'
import { newDocument, Sheet } from '../sheet'
import { indianGrouping } from '../values'

const LEFT = 50
const WIDTH = 495

/**
 * A corrigendum: the tender's facts as a key-value list, then a table of what changes, old value
 * beside new. The revised end date and EMD are the ones a bidder must act on.
 */
export const corrigendum: BidLayout = {
  name: 'corrigendum',
  description: 'Corrigendum, existing and revised values side by side',
  async render(v) {
    const { pdf, fonts } = await newDocument()
    const sheet = Sheet.add(pdf, fonts)
    const number = `${v.code}/MM/${v.int(24, 26)}/${v.int(1000, 9999)}`
    sheet.centred(50, v.truth.organisation, { size: 13, bold: true })
    sheet.centred(66, 'Materials Management Department', { size: 10 })
    sheet.centred(100, `CORRIGENDUM No. ${v.int(1, 3)}`, { size: 13, bold: true })
    let y = 130
    for (const [label, value] of [
      ['Tender No.', number],
      ['Name of Item', v.truth.title],
      ['Quantity', `${v.quantity} ${v.unit}`],
    ]) {
      sheet.text(LEFT, y, label!, { size: 10 })
      sheet.text(170, y, `: ${value}`, { size: 10 })
      y += 18
    }
    y = sheet.paragraph(
      LEFT,
      y + 10,
      'In partial modification of the above tender, the following schedule and details stand revised:',
      WIDTH,
      { size: 10 },
    )
    const xs = [LEFT, 90, 250, 400, LEFT + WIDTH]
    const old = Math.round(v.truth.emdAmount * v.pick([0.5, 0.8, 1.25]))
    const rows = [
      ['S. No.', 'Particulars', 'Existing', 'Revised'],
      ['1', 'Bid Submission End Date', v.otherDate(-v.int(7, 14), 'gem'), v.endDate('gem')],
      ['2', 'Bid Opening Date', v.otherDate(-v.int(6, 13), 'gem'), v.otherDate(1, 'gem')],
      ['3', 'EMD Amount (₹)', indianGrouping(old), v.emdFigure],
    ]
    const edges = [y]
    for (const [r, row] of rows.entries()) {
      let height = 0
      row.forEach((cell, i) => {
        const lines = sheet.wrap(cell, xs[i + 1]! - xs[i]! - 8, { size: 9.5, bold: r === 0 })
        lines.forEach((line, k) =>
          sheet.text(xs[i]! + 4, y + 14 + 12 * k, line, { size: 9.5, bold: r === 0 }),
        )
        height = Math.max(height, 8 + 12 * lines.length)
      })
      y += height + 4
      edges.push(y)
    }
    sheet.grid(xs, edges)
    y = sheet.paragraph(
      LEFT,
      y + 28,
      'All other terms and conditions of the tender remain unchanged.',
      WIDTH,
      { size: 10 },
    )
    y = sheet.paragraph(LEFT, y + 6, TERMS[0]!, WIDTH, { size: 9 })
    sheet.text(340, y + 40, `For and on behalf of ${v.code}`, { size: 10 })
    sheet.text(340, y + 56, 'Senior Manager (MM)', { size: 10, bold: true })
    return { pdf: await pdf.save(), truth: { ...v.truth, bidNumber: number } }
  },
}
