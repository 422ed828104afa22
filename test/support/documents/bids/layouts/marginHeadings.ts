import { TERMS, type BidLayout } from '../layout'
import { newDocument, Sheet } from '../sheet'

const LEFT = 56
const VALUE = 200
const RIGHT = 540

/**
 * A defence or railway stores tender schedule typed as a memo: each particular a bold capitalised
 * heading in the left margin, with no colon, and its text as a short paragraph beside it; the
 * stores and their quantity given together in one paragraph.
 */
export const marginHeadings: BidLayout = {
  name: 'margin-headings',
  description: 'Stores tender schedule, capitalised margin headings beside paragraphs',
  async render(v) {
    const { pdf, fonts } = await newDocument()
    const sheet = Sheet.add(pdf, fonts)
    const number = `${v.pick(['TE', 'ENQ', 'RT'])}-${v.int(1000, 9999)}/${v.code}/${v.pick(['2026', '2027'])}`
    sheet.text(LEFT, 52, v.truth.organisation.toUpperCase(), { size: 12, bold: true })
    sheet.text(LEFT, 68, 'TENDER SCHEDULE', { size: 11, bold: true })
    sheet.rule(LEFT, 78, RIGHT, 78, 0.8)
    const particulars: [string, string][] = [
      ['ENQUIRY NO.', number],
      [
        'PURCHASER',
        `${v.truth.organisation}, ${v.pick(['Central Stores', 'Controller of Stores', 'Materials Directorate'])}`,
      ],
      ['STORES', `${v.truth.title}, quantity ${v.quantity} ${v.unit}, as per the specification attached.`],
      ['BID SECURITY', `${v.emd}, by demand draft or bank guarantee valid for the bid validity period.`],
      ['CLOSING DATE', v.endDate(v.pick(['gem', 'cppp', 'dotted']))],
      ['OPENING', `${v.otherDate(1, 'day')}, at the purchaser's office.`],
    ]
    let y = 104
    for (const [heading, text] of particulars) {
      sheet.text(LEFT, y, heading, { size: 9.5, bold: true })
      y = sheet.paragraph(VALUE, y, text, RIGHT - VALUE, { size: 10 }) + 8
    }
    for (const term of TERMS.slice(0, 2))
      y = sheet.paragraph(LEFT, y + 10, term, RIGHT - LEFT, { size: 9 }) - 4
    return { pdf: await pdf.save(), truth: { ...v.truth, bidNumber: number } }
  },
}
