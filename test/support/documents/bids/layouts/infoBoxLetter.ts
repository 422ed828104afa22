import { TERMS, type BidLayout } from '../layout'
import { newDocument, Sheet } from '../sheet'

const LEFT = 50
const BOX = 370
const RIGHT = 548

/**
 * An enquiry letter with its references in a small ruled box at the top right ("Enquiry No.",
 * "Due on", "EMD") beside the addressee, and the item with its quantity in brackets in the body.
 */
export const infoBoxLetter: BidLayout = {
  name: 'info-box-letter',
  description: 'Enquiry letter, references in a ruled box at the top right, item and quantity in the body',
  async render(v) {
    const { pdf, fonts } = await newDocument()
    const sheet = Sheet.add(pdf, fonts)
    const number = `${v.code}/${v.pick(['ENQ', 'PE', 'LPE'])}/${v.int(1000, 9999)}`
    sheet.text(LEFT, 50, v.truth.organisation, { size: 14, bold: true })
    sheet.text(
      LEFT,
      66,
      `${v.pick(['Purchase Department', 'Materials Department'])}, ${v.pick(['Plot 12, Industrial Area', 'Corporate Office', 'Unit II'])}`,
      {
        size: 9,
      },
    )
    sheet.rule(LEFT, 76, RIGHT, 76, 0.8)
    const box: [string, string][] = [
      ['Enquiry No.', number],
      ['Dated', v.otherDate(-v.int(10, 20), 'slashed')],
      ['Due on', v.endDate(v.pick(['slashed', 'dotted']))],
      ['EMD', v.emd],
    ]
    let y = 96
    const edges = [y - 12]
    for (const [label, value] of box) {
      sheet.text(BOX + 5, y, label, { size: 8.5, bold: true })
      sheet.text(BOX + 62, y, value, { size: 8.5 })
      y += 16
      edges.push(y - 12)
    }
    sheet.grid([BOX, BOX + 57, RIGHT], edges)
    sheet.text(LEFT, 100, 'To,', { size: 10 })
    sheet.text(LEFT, 114, 'M/s ______________________', { size: 10 })
    sheet.text(LEFT, 128, '______________________', { size: 10 })
    y = Math.max(y, 150) + 12
    sheet.text(LEFT, y, 'Dear Sir / Madam,', { size: 10 })
    y = sheet.paragraph(
      LEFT,
      y + 18,
      `We intend to purchase ${v.truth.title} (Quantity: ${v.quantity} ${v.unit}) as per the technical specification enclosed. You are requested to submit your sealed offer, quoting the reference above, so as to reach this office by the due date and time shown.`,
      RIGHT - LEFT,
      { size: 10 },
    )
    for (const term of TERMS.slice(0, 2))
      y = sheet.paragraph(LEFT, y + 12, term, RIGHT - LEFT, { size: 10 }) - 6
    sheet.text(RIGHT - 170, y + 40, 'Yours faithfully,', { size: 10 })
    sheet.text(RIGHT - 170, y + 70, 'Manager (Purchase)', { size: 10, bold: true })
    return { pdf: await pdf.save(), truth: { ...v.truth, bidNumber: number } }
  },
}
