import { type BidLayout } from '../layout'
import { newDocument, Sheet } from '../sheet'

const XS = [45, 120, 290, 550]

/**
 * The "Bid Data Sheet" of a standard bidding document: a ruled three-column table whose first
 * column cites the clause of the Instructions to Bidders each row amends ("ITB 17.1"), the second
 * names the particular and the third gives it, under a preamble and the buyer's name.
 */
export const bidDataSheet: BidLayout = {
  name: 'bid-data-sheet',
  description: 'Standard bidding document, Bid Data Sheet table with ITB clause references',
  async render(v) {
    const { pdf, fonts } = await newDocument()
    const sheet = Sheet.add(pdf, fonts)
    const number = `${v.code}/IFB/${v.pick(['GDS', 'SUP', 'PRC'])}/${v.int(10, 99)}/${v.pick(['2026', '2027'])}`
    sheet.centred(44, v.truth.organisation, { size: 12, bold: true })
    sheet.centred(66, 'Section II. Bid Data Sheet (BDS)', { size: 12, bold: true })
    let y = sheet.paragraph(
      XS[0]!,
      90,
      'The following specific data for the goods to be procured shall complement, supplement or amend the provisions in the Instructions to Bidders (ITB). Whenever there is a conflict, the provisions herein shall prevail over those in ITB.',
      XS[3]! - XS[0]!,
      { size: 9 },
    )
    const rows: [string, string, string][] = [
      ['ITB Clause', 'Particular', 'Data'],
      ['ITB 1.1', 'Name of the Purchaser', v.truth.organisation],
      ['ITB 1.1', 'IFB / Bid Reference No.', number],
      ['ITB 1.2', 'Subject of Procurement', v.truth.title],
      ['ITB 1.2', 'Quantity', `${v.quantity} ${v.unit}`],
      ['ITB 19.1', 'Amount of Bid Security', v.emd],
      ['ITB 20.1', 'Bid Validity Period', `${v.pick([90, 120, 180])} days`],
      ['ITB 24.1', 'Deadline for Submission of Bids', v.endDate(v.pick(['long', 'slashed']))],
      ['ITB 27.1', 'Bid Opening', v.otherDate(1, 'long')],
    ]
    y += 6
    const edges = [y]
    rows.forEach((row, r) => {
      const bold = r === 0
      let height = 0
      row.forEach((cell, i) => {
        const lines = sheet.wrap(cell, XS[i + 1]! - XS[i]! - 10, { size: 9, bold })
        lines.forEach((line, k) => sheet.text(XS[i]! + 5, y + 14 + 12 * k, line, { size: 9, bold }))
        height = Math.max(height, 10 + 12 * lines.length)
      })
      y += height
      edges.push(y)
    })
    sheet.grid(XS, edges)
    sheet.paragraph(
      XS[0]!,
      y + 20,
      'Bids shall be submitted online through the e-procurement portal. Late bids shall be rejected.',
      XS[3]! - XS[0]!,
      { size: 9 },
    )
    return { pdf: await pdf.save(), truth: { ...v.truth, bidNumber: number } }
  },
}
