import { TERMS, type BidLayout } from '../layout'
import { newDocument, Sheet } from '../sheet'

const LEFT = 48
const RIGHT = 548

/**
 * A notice inviting tender whose facts are rows of a ruled "S. No. | Particulars | Details" table,
 * the particulars phrased as a department's clerk writes them ("Last date & time of submission of
 * tender", "Name of the item / material"), amounts with the closing "/-".
 */
export const particularsDetails: BidLayout = {
  name: 'particulars-details',
  description: 'Notice inviting tender, S. No. | Particulars | Details table',
  async render(v) {
    const { pdf, fonts } = await newDocument()
    const sheet = Sheet.add(pdf, fonts)
    const number = `${v.code}/MM/${v.pick(['2026-27', '2027-28'])}/T-${v.int(10, 480)}`
    sheet.centred(50, v.truth.organisation.toUpperCase(), { size: 12, bold: true })
    sheet.centred(
      66,
      `(${v.pick(['Materials Management Department', 'Purchase Section', 'Stores & Purchase'])})`,
      {
        size: 9.5,
      },
    )
    sheet.centred(92, 'NOTICE INVITING TENDER', { size: 12, bold: true })
    let y = sheet.paragraph(
      LEFT,
      112,
      'Sealed tenders in two bid system are invited from eligible manufacturers and their authorised dealers for the item detailed below.',
      RIGHT - LEFT,
      { size: 9.5 },
    )
    y += 10
    const xs = [LEFT, 90, 300, RIGHT]
    const rows: [string, string][] = [
      ['Particulars', 'Details'],
      ['Tender Reference No.', number],
      ['Name of the Department / Organisation', v.truth.organisation],
      ['Name of the item / material', v.truth.title],
      ['Quantity required', `${v.quantity} ${v.unit}`],
      ['Earnest Money Deposit (EMD)', `Rs. ${v.emdFigure}/-`],
      ['Cost of tender document', `Rs. ${v.pick(['590', '1,180', '2,360'])}/- (non-refundable)`],
      ['Last date & time of submission of tender', v.endDate(v.pick(['slashed', 'dotted', 'long']))],
      ['Date & time of opening of technical bid', v.otherDate(1, 'slashed')],
      ['Validity of offer', `${v.pick([90, 120, 180])} days from the date of opening`],
    ]
    const edges = [y]
    for (const [r, [particular, detail]] of rows.entries()) {
      const head = r === 0
      const left = sheet.wrap(particular, xs[2]! - xs[1]! - 8, { size: 9.5, bold: head })
      const right = sheet.wrap(detail, xs[3]! - xs[2]! - 8, { size: 9.5, bold: head })
      const lines = Math.max(left.length, right.length)
      sheet.text(xs[0]! + 4, y + 14, head ? 'S. No.' : `${r}.`, { size: 9.5, bold: head })
      left.forEach((line, k) => sheet.text(xs[1]! + 4, y + 14 + 12 * k, line, { size: 9.5, bold: head }))
      right.forEach((line, k) => sheet.text(xs[2]! + 4, y + 14 + 12 * k, line, { size: 9.5, bold: head }))
      y += 8 + 12 * lines
      edges.push(y)
    }
    sheet.grid(xs, edges)
    for (const term of TERMS.slice(1, 4))
      y = sheet.paragraph(LEFT, y + 18, term, RIGHT - LEFT, { size: 9 }) - 8
    return { pdf: await pdf.save(), truth: { ...v.truth, bidNumber: number } }
  },
}
