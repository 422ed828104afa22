import { type BidLayout } from '../layout'
import { newDocument, Sheet } from '../sheet'

const LEFT = 60
const RIGHT = 535

/**
 * A limited tender enquiry sent as a letter: the buyer's letterhead, "Ref. No." and date on one
 * line, a "Sub:" line naming the supply, and the particulars as the numbered conditions of the
 * letter ("2. Quotations must reach this office on or before …").
 */
export const enquiryLetter: BidLayout = {
  name: 'enquiry-letter',
  description: 'Limited tender enquiry letter, particulars in the subject and numbered conditions',
  async render(v) {
    const { pdf, fonts } = await newDocument()
    const sheet = Sheet.add(pdf, fonts)
    const number = `${v.code}/${v.pick(['MM', 'LTE', 'PUR'])}/${v.pick(['LTE', 'ENQ'])}-${v.int(100, 999)}/${v.pick(['2026-27', '2027'])}`
    sheet.centred(50, v.truth.organisation, { size: 14, bold: true })
    sheet.centred(66, `${v.pick(['Materials Management', 'Purchase', 'Stores & Purchase'])} Department`, {
      size: 10,
    })
    sheet.rule(LEFT, 76, RIGHT, 76, 0.8)
    sheet.text(LEFT, 98, `Ref. No.: ${number}`, { size: 10 })
    const dated = `Date: ${v.otherDate(-v.int(10, 25), 'day')}`
    sheet.text(RIGHT - sheet.measure(dated, { size: 10 }), 98, dated, { size: 10 })
    sheet.text(LEFT, 124, 'To,', { size: 10 })
    sheet.text(LEFT, 138, 'All prospective bidders', { size: 10 })
    let y = sheet.paragraph(
      LEFT,
      164,
      `Sub: Limited tender enquiry for the supply of ${v.quantity} ${v.unit} of ${v.truth.title} – reg.`,
      RIGHT - LEFT,
      { size: 10, bold: true },
    )
    y = sheet.paragraph(
      LEFT,
      y + 8,
      'Dear Sir/Madam, sealed quotations are invited from eligible firms for the above supply, subject to the conditions below.',
      RIGHT - LEFT,
      { size: 10 },
    )
    const conditions = [
      `Earnest money of ${v.emd} shall be deposited by demand draft or through the portal; quotations without it will be rejected.`,
      `Quotations must reach this office on or before ${v.endDate(v.pick(['dotted', 'slashed', 'long']))}.`,
      `Quotations will be opened on ${v.otherDate(1, 'day')} in the presence of bidders who wish to attend.`,
      `Delivery shall be completed within ${v.pick([30, 45, 60, 90])} days of the purchase order.`,
      'Prices shall be firm and inclusive of all taxes and freight to our stores.',
    ]
    y += 4
    conditions.forEach((text, i) => {
      sheet.text(LEFT, y + 8, `${i + 1}.`, { size: 10 })
      y = sheet.paragraph(LEFT + 18, y + 8, text, RIGHT - LEFT - 18, { size: 10 })
    })
    sheet.text(LEFT, y + 24, 'Yours faithfully,', { size: 10 })
    sheet.text(
      LEFT,
      y + 60,
      v.pick(['Manager (Materials)', 'Senior Purchase Officer', 'Chief Manager (MM)']),
      {
        size: 10,
        bold: true,
      },
    )
    return { pdf: await pdf.save(), truth: { ...v.truth, bidNumber: number } }
  },
}
