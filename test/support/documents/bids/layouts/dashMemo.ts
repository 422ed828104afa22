import { TERMS, type BidLayout } from '../layout'
import { newDocument, Sheet } from '../sheet'

const LEFT = 60
const RIGHT = 540

/**
 * A typed office memorandum inviting quotations: the buyer named only in its "From" line after an
 * officer's designation, and the particulars as a lettered list of "label - value" lines, dashes
 * where a form would put colons.
 */
export const dashMemo: BidLayout = {
  name: 'dash-memo',
  description: 'Office memorandum inviting quotations, lettered "label - value" lines',
  async render(v) {
    const { pdf, fonts } = await newDocument()
    const sheet = Sheet.add(pdf, fonts)
    const number = `${v.code}/${v.pick(['PUR', 'MMD'])}/Q-${v.int(100, 9999)}/${v.pick(['2026', '2027'])}`
    sheet.centred(56, 'MEMORANDUM', { size: 13, bold: true })
    let y = 86
    const city = v.pick(['Vadodara', 'Nagpur', 'Bhopal', 'Chennai', 'Kolkata'])
    const designation = v.pick([
      'The Deputy Manager (Purchase)',
      'The Assistant Controller of Stores',
      'The Sr. Purchase Officer',
    ])
    y =
      sheet.paragraph(LEFT, y, `From: ${designation}, ${v.truth.organisation}, ${city}`, RIGHT - LEFT, {
        size: 10,
      }) + 4
    y = sheet.paragraph(LEFT, y, 'To: All prospective bidders', RIGHT - LEFT, { size: 10 }) + 10
    y =
      sheet.paragraph(
        LEFT,
        y,
        'Sealed quotations are invited for the requirement given below. The particulars are:',
        RIGHT - LEFT,
        {
          size: 10,
        },
      ) + 8
    const lines = [
      `a) Enquiry Ref - ${number}`,
      `b) Material - ${v.truth.title}`,
      `c) Qty - ${v.quantity} ${v.unit}`,
      `d) EMD - ${v.emd}`,
      `e) Due date & time - ${v.endDate(v.pick(['slashed', 'dotted', 'long']))}`,
      `f) Validity - ${v.pick([60, 90, 120])} days`,
    ]
    for (const line of lines) y = sheet.paragraph(LEFT + 14, y, line, RIGHT - LEFT - 14, { size: 10 }) + 4
    for (const term of TERMS.slice(1, 3))
      y = sheet.paragraph(LEFT, y + 14, term, RIGHT - LEFT, { size: 9 }) - 6
    sheet.text(RIGHT - 170, y + 50, designation.replace(/^The /, ''), { size: 10 })
    return { pdf: await pdf.save(), truth: { ...v.truth, bidNumber: number } }
  },
}
