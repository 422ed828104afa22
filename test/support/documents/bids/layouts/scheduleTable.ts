import { TERMS, type BidLayout } from '../layout'
import { newDocument, Sheet } from '../sheet'

const LEFT = 45
const RIGHT = 550

/**
 * An e-tender notice whose facts sit in two tables: particulars with headings over values, and a
 * schedule of events with their dates ("Closing Date for Bid Submission").
 */
export const scheduleTable: BidLayout = {
  name: 'schedule-table',
  description: 'e-Tender notice, particulars and schedule-of-dates tables',
  async render(v) {
    const { pdf, fonts } = await newDocument()
    const sheet = Sheet.add(pdf, fonts)
    const number = `${v.code}/ST/${v.int(100, 999)}/2026`
    sheet.centred(46, v.truth.organisation, { size: 13, bold: true })
    sheet.centred(62, 'Office of the General Manager (Stores)', { size: 10 })
    sheet.centred(94, 'e-TENDER NOTICE', { size: 13, bold: true })
    sheet.text(LEFT, 122, `Tender No: ${number}`, { size: 10 })
    sheet.text(LEFT, 140, `Tender Inviting Authority: General Manager (Stores), ${v.truth.organisation}`, {
      size: 10,
    })
    let y = 170
    sheet.text(LEFT, y, 'Tender Particulars', { size: 10, bold: true })
    y += 8
    const xs = [LEFT, 250, 340, 440, RIGHT]
    const heads = ['Item Description', 'Quantity', 'EMD (₹)', 'Tender Fee (₹)']
    const cells = [
      v.truth.title,
      `${v.quantity} ${v.unit}`,
      v.emdFigure,
      String(v.pick([500, 1000, 1180, 2360])),
    ]
    heads.forEach((h, i) => sheet.text(xs[i]! + 4, y + 13, h, { size: 9.5, bold: true }))
    let bottom = y + 20
    cells.forEach((c, i) => {
      const lines = sheet.wrap(c, xs[i + 1]! - xs[i]! - 8, { size: 9.5 })
      lines.forEach((line, k) => sheet.text(xs[i]! + 4, y + 33 + 12 * k, line, { size: 9.5 }))
      bottom = Math.max(bottom, y + 26 + 12 * lines.length)
    })
    sheet.grid(xs, [y, y + 20, bottom + 4])
    y = bottom + 30
    sheet.text(LEFT, y, 'Schedule of Tender (Critical Dates)', { size: 10, bold: true })
    y += 8
    const sx = [LEFT, 95, 330, RIGHT]
    const rows = [
      ['Sl. No.', 'Event', 'Date and Time'],
      ['1', 'Date of Publication', v.otherDate(-v.int(15, 30), 'long')],
      ['2', 'Start Date for Bid Submission', v.otherDate(-v.int(10, 14), 'long')],
      ['3', 'Closing Date for Bid Submission', v.endDate('long')],
      ['4', 'Date of Technical Bid Opening', v.otherDate(1, 'long')],
    ]
    const edges = [y]
    for (const [r, row] of rows.entries()) {
      row.forEach((cell, i) => sheet.text(sx[i]! + 4, y + 14, cell, { size: 9.5, bold: r === 0 }))
      y += 20
      edges.push(y)
    }
    sheet.grid(sx, edges)
    for (const term of TERMS.slice(0, 3))
      y = sheet.paragraph(LEFT, y + 20, term, RIGHT - LEFT, { size: 9 }) - 10
    return { pdf: await pdf.save(), truth: { ...v.truth, bidNumber: number } }
  },
}
