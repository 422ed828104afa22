import type { BidLayout } from '../layout'
import { newDocument, Sheet } from '../sheet'

const LEFT = 70
const RIGHT = 525

/**
 * The cover page of a bound tender document: the item in the title ("TENDER DOCUMENT FOR SUPPLY
 * OF …"), centred particulars, the quantity in a one-row schedule of requirements, the EMD with
 * its means of payment, and the issuing office named at the foot after "Issued by".
 */
export const coverPage: BidLayout = {
  name: 'cover-page',
  description: 'Bound tender document cover page, centred particulars and issuing office at the foot',
  async render(v) {
    const { pdf, fonts } = await newDocument()
    const sheet = Sheet.add(pdf, fonts)
    const number = `${v.code}/${v.pick(['PUR', 'MM', 'CPD'])}/${v.pick(['OT', 'LT'])}/${v.int(100, 999)}/${v.pick(['2026', '2027'])}`
    sheet.centred(90, 'TENDER DOCUMENT', { size: 16, bold: true })
    sheet.centred(112, 'FOR', { size: 11 })
    let y = 134
    for (const line of sheet.wrap(`SUPPLY OF ${v.truth.title.toUpperCase()}`, RIGHT - LEFT, {
      size: 13,
      bold: true,
    })) {
      sheet.centred(y, line, { size: 13, bold: true })
      y += 18
    }
    y += 20
    sheet.centred(y, `Tender No. : ${number}`, { size: 11, bold: true })
    y += 40
    sheet.text(LEFT, y, 'Schedule of Requirement', { size: 10, bold: true })
    y += 8
    const xs = [LEFT, 105, 380, 455, RIGHT]
    const heads = ['Sl.', 'Description', 'Quantity', 'Unit']
    const cells = ['1', v.truth.title, v.quantity, v.unit]
    heads.forEach((h, i) => sheet.text(xs[i]! + 4, y + 14, h, { size: 9.5, bold: true }))
    cells.forEach((c, i) => sheet.text(xs[i]! + 4, y + 34, c, { size: 9.5 }))
    sheet.grid(xs, [y, y + 20, y + 42])
    y += 72
    const particulars = [
      `Earnest Money Deposit : Rs. ${v.emdFigure}/- only, by demand draft or bank guarantee`,
      `Last date and time for submission of bids : ${v.endDate(v.pick(['dotted', 'slashed']))}`,
      `Date and time of opening of bids : ${v.otherDate(1, 'slashed')}`,
      `Cost of tender document : Rs. ${v.pick(['500', '1,000', '2,000'])}/- (non-refundable)`,
    ]
    for (const line of particulars) {
      y = sheet.paragraph(LEFT, y, line, RIGHT - LEFT, { size: 10 }) + 10
    }
    y = Math.max(y + 60, 640)
    sheet.text(LEFT, y, 'Issued by', { size: 10, bold: true })
    sheet.text(LEFT, y + 16, v.truth.organisation, { size: 11, bold: true })
    sheet.text(
      LEFT,
      y + 31,
      `${v.pick(['Purchase Department', 'Materials Management', 'Central Stores'])}, ${v.pick(['Head Office', 'Regional Office', 'Works'])}`,
      {
        size: 10,
      },
    )
    return { pdf: await pdf.save(), truth: { ...v.truth, bidNumber: number } }
  },
}
