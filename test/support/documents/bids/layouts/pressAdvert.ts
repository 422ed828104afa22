import { STATES, type BidLayout } from '../layout'
import { newDocument, Sheet } from '../sheet'

const LEFT = 110
const RIGHT = 485

/**
 * A tender advertisement as newspapers print it: a ruled box, the buyer's name on top, the notice
 * number and date on one line, and the rest in two short paragraphs with the particulars written
 * into the sentences.
 */
export const pressAdvert: BidLayout = {
  name: 'press-advert',
  description: 'Newspaper tender advertisement, particulars in running text',
  async render(v) {
    const { pdf, fonts } = await newDocument()
    const sheet = Sheet.add(pdf, fonts)
    const number = `${v.code}/${v.pick(['MM', 'PUR', 'CMM'])}/${v.int(100, 999)}/${v.pick(['2026-27', '2027'])}`
    const top = 70
    sheet.centred(top + 22, v.truth.organisation, { size: 13, bold: true })
    sheet.centred(top + 38, `(A Government of ${v.pick(STATES)} Undertaking)`, { size: 9 })
    sheet.centred(top + 62, 'e-TENDER NOTICE', { size: 12, bold: true })
    sheet.text(LEFT + 10, top + 84, `Tender No.: ${number}`, { size: 9.5, bold: true })
    const dated = `Date: ${v.otherDate(-v.int(14, 28), 'day')}`
    sheet.text(RIGHT - 10 - sheet.measure(dated, { size: 9.5 }), top + 84, dated, { size: 9.5 })
    let y = sheet.paragraph(
      LEFT + 10,
      top + 106,
      `Online bids are invited from reputed manufacturers and their authorised dealers for the supply of ${v.quantity} ${v.unit} of ${v.truth.title}. Earnest Money Deposit: ${v.emd}. Cost of tender document: Rs. ${v.pick([500, 1000])}/-.`,
      RIGHT - LEFT - 20,
      { size: 9.5 },
    )
    y = sheet.paragraph(
      LEFT + 10,
      y + 4,
      `Last date and time for submission of bids: ${v.endDate(v.pick(['dotted', 'slashed', 'long']))}. Technical bids will be opened on ${v.otherDate(1, 'day')}. Tender documents and further details are available on the e-procurement portal. Corrigenda, if any, will be published on the portal only.`,
      RIGHT - LEFT - 20,
      { size: 9.5 },
    )
    const signed = v.pick(['Chief Materials Manager', 'General Manager (Purchase)', 'Deputy General Manager'])
    sheet.text(RIGHT - 10 - sheet.measure(signed, { size: 9.5, bold: true }), y + 18, signed, {
      size: 9.5,
      bold: true,
    })
    const bottom = y + 30
    sheet.grid([LEFT, RIGHT], [top, bottom])
    return { pdf: await pdf.save(), truth: { ...v.truth, bidNumber: number } }
  },
}
