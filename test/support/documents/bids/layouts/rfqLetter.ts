import { TERMS, type BidLayout } from '../layout'
import { newDocument, Sheet } from '../sheet'

const LEFT = 50
const RIGHT = 545
const WIDTH = RIGHT - LEFT

/**
 * A PSU's request-for-quotation letter: the buyer's name unlabelled at the top left with its
 * contact details on the same lines at the right, a reference and a dated line side by side, a
 * subject line, a two-column table of particulars, and the material in a schedule whose unit and
 * quantity stand in columns of their own.
 */
export const rfqLetter: BidLayout = {
  name: 'rfq-letter',
  description: 'PSU RFQ letter, unlabelled letterhead, particulars table',
  async render(v) {
    const { pdf, fonts } = await newDocument()
    const sheet = Sheet.add(pdf, fonts)
    const number = `${v.code}/${v.pick(['MM', 'PUR', 'C&P'])}/RFQ/${v.int(100, 9999)}`
    const contact = [
      `Phone: 0${v.int(11, 99)}-${v.int(2000000, 2999999)}`,
      `Email: purchase@${v.code.toLowerCase()}.co.in`,
      `GSTIN: ${v.int(10, 37)}AAACB${v.int(1000, 9999)}C1Z${v.int(1, 9)}`,
    ]
    sheet.text(LEFT, 48, v.truth.organisation, { size: 13, bold: true })
    sheet.text(LEFT, 63, '(A Government of India Enterprise)', { size: 9 })
    sheet.text(LEFT, 76, `${v.pick(['Purchase', 'Materials', 'Stores'])} Section, Plant Office`, { size: 9 })
    contact.forEach((line, i) =>
      sheet.text(RIGHT - sheet.measure(line, { size: 8 }), 48 + 13 * i, line, { size: 8 }),
    )
    sheet.rule(LEFT, 86, RIGHT, 86, 1.2)

    const dated = `Dated: ${v.otherDate(-v.int(12, 30), 'day')}`
    sheet.text(LEFT, 106, `RFQ No.: ${number}`, { size: 10, bold: true })
    sheet.text(RIGHT - sheet.measure(dated, { size: 10 }), 106, dated, { size: 10 })
    sheet.text(LEFT, 130, 'To,', { size: 10 })
    sheet.text(LEFT, 143, 'All Prospective Bidders', { size: 10 })
    let y = sheet.paragraph(
      LEFT,
      168,
      `Sub: Request for quotation for supply of ${v.truth.title.toLowerCase()}.`,
      WIDTH,
      { size: 10, bold: true },
    )
    y = sheet.paragraph(
      LEFT,
      y + 6,
      'Dear Sir/Madam, you are requested to submit your lowest offer for the material in the schedule below, subject to the terms and conditions attached.',
      WIDTH,
      { size: 10 },
    )

    const particulars: [string, string][] = [
      ['Type of Bid', v.pick(['Two Bid System', 'Single Bid System'])],
      ['Due Date & Time for Submission', v.endDate('slashed')],
      ['Date & Time of Opening', v.otherDate(1, 'slashed')],
      ['Bid Security (EMD)', v.emd],
      ['Validity of Offer', `${v.pick([90, 120, 180])} days`],
    ]
    const mid = LEFT + 200
    const rowsY = [y + 4]
    for (const [label, value] of particulars) {
      const top = rowsY.at(-1)!
      sheet.text(LEFT + 6, top + 13, label, { size: 9.5 })
      sheet.text(mid + 6, top + 13, value, { size: 9.5 })
      rowsY.push(top + 19)
    }
    sheet.grid([LEFT, mid, RIGHT], rowsY)

    y = rowsY.at(-1)! + 24
    sheet.text(LEFT, y, 'SCHEDULE OF REQUIREMENT', { size: 10, bold: true })
    const xs = [LEFT, 85, 380, 440, RIGHT]
    const heads = ['Sl.', 'Description of Material', 'Unit', 'Qty']
    const cells = ['1', v.truth.title, v.unit, v.quantity]
    const top = y + 8
    heads.forEach((h, i) => sheet.text(xs[i]! + 5, top + 13, h, { size: 9.5, bold: true }))
    const lines = sheet.wrap(cells[1]!, xs[2]! - xs[1]! - 10, { size: 9.5 })
    cells.forEach((c, i) => {
      if (i === 1) lines.forEach((line, k) => sheet.text(xs[1]! + 5, top + 32 + 12 * k, line, { size: 9.5 }))
      else sheet.text(xs[i]! + 5, top + 32, c, { size: 9.5 })
    })
    const bottom = top + 24 + 12 * lines.length + 6
    sheet.grid(xs, [top, top + 19, bottom])

    y = bottom + 24
    for (const term of TERMS) y = sheet.paragraph(LEFT, y + 6, term, WIDTH, { size: 9 })
    sheet.text(RIGHT - 120, y + 40, 'Manager (Purchase)', { size: 10, bold: true })
    return { pdf: await pdf.save(), truth: { ...v.truth, bidNumber: number } }
  },
}
