import { TERMS, type BidLayout } from '../layout'
import { newDocument, Sheet } from '../sheet'

const LEFT = 55
const COLON = 285
const VALUE = 298
const RIGHT = 545

/**
 * A state government department's tender notice printed Hindi first: each particular's label in
 * Hindi with its English name in brackets ("मात्रा (Quantity)"), a column of colons, no rules.
 */
export const bracketedBilingual: BidLayout = {
  name: 'bracketed-bilingual',
  description: 'State department notice, Hindi labels with English in brackets, unruled',
  async render(v) {
    const { pdf, fonts } = await newDocument()
    const sheet = Sheet.add(pdf, fonts)
    const number = `${v.int(10, 99)}/${v.code}/NIT/${v.pick(['2026-27', '2027-28'])}`
    sheet.centred(46, 'कार्यालय अधीक्षण अभियंता', { size: 11 })
    sheet.centred(64, v.truth.organisation, { size: 13, bold: true })
    sheet.centred(92, 'निविदा सूचना (TENDER NOTICE)', { size: 12, bold: true })
    const rows: [string, string][] = [
      ['निविदा क्रमांक (Tender No.)', number],
      ['क्रेता का नाम (Name of Buyer)', v.truth.organisation],
      ['सामग्री का नाम (Name of Material)', v.truth.title],
      ['आवश्यक मात्रा (Quantity Required)', `${v.quantity} ${v.unit}`],
      ['धरोहर राशि (Earnest Money)', v.emd],
      ['निविदा शुल्क (Tender Fee)', `Rs. ${v.pick(['500', '1,000', '1,500'])}`],
      ['अंतिम तिथि एवं समय (Last Date & Time)', v.endDate(v.pick(['dotted', 'slashed', 'long']))],
      ['निविदा खोलने की तिथि (Opening Date)', v.otherDate(1, 'slashed')],
    ]
    let y = 124
    for (const [label, value] of rows) {
      sheet.text(LEFT, y, label, { size: 9.5 })
      sheet.text(COLON, y, ':', { size: 9.5 })
      y = sheet.paragraph(VALUE, y, value, RIGHT - VALUE, { size: 9.5 }) + 6
    }
    for (const term of TERMS.slice(0, 3))
      y = sheet.paragraph(LEFT, y + 12, term, RIGHT - LEFT, { size: 9 }) - 6
    sheet.text(RIGHT - 150, y + 40, 'अधीक्षण अभियंता', { size: 10 })
    return { pdf: await pdf.save(), truth: { ...v.truth, bidNumber: number } }
  },
}
