import { TERMS, type BidLayout } from '../layout'
import { newDocument, Sheet } from '../sheet'

const LEFT = 50

/** A PSU purchase department's tender enquiry: a colon-aligned key-value list under a letterhead. */
export const psuEnquiry: BidLayout = {
  name: 'psu-enquiry',
  description: 'PSU tender enquiry, key-value list',
  async render(v) {
    const { pdf, fonts } = await newDocument()
    const sheet = Sheet.add(pdf, fonts)
    const number = `${v.code}/PUR/${v.pick(['RFQ', 'ENQ', 'TE'])}/${v.int(10_000, 99_999)}`
    sheet.centred(46, v.truth.organisation.toUpperCase(), { size: 13, bold: true })
    sheet.centred(62, '(A Government of India Undertaking)', { size: 9 })
    sheet.centred(78, 'PURCHASE DEPARTMENT', { size: 10, bold: true })
    sheet.centred(110, 'TENDER ENQUIRY', { size: 12, bold: true })
    let y = 140
    for (const [label, value] of [
      ['Enquiry No.', number],
      ['Enquiry Date', v.otherDate(-v.int(12, 30), 'day')],
      ['Name of Purchaser', v.truth.organisation],
      ['Description of Material', v.truth.title],
      ['Quantity Required', `${v.quantity} ${v.unit}`],
      ['Earnest Money Deposit', v.emd],
      ['Due Date & Time for Submission', v.endDate('slashed')],
      ['Validity of Offer', `${v.pick([90, 120, 180])} days from due date`],
      ['Delivery Period', `${v.pick([4, 6, 8, 12])} weeks from date of order`],
    ]) {
      sheet.text(LEFT, y, label!, { size: 10 })
      sheet.text(230, y, ':', { size: 10 })
      const lines = sheet.wrap(value!, 300, { size: 10 })
      lines.forEach((line, k) => sheet.text(242, y + 14 * k, line, { size: 10 }))
      y += 14 * lines.length + 8
    }
    y += 10
    for (const term of TERMS) y = sheet.paragraph(LEFT, y + 6, term, 495, { size: 9 })
    sheet.text(360, y + 36, 'Manager (Purchase)', { size: 10, bold: true })
    return { pdf: await pdf.save(), truth: { ...v.truth, bidNumber: number } }
  },
}
