import { TERMS, type BidLayout } from '../layout'
import { newDocument, Sheet } from '../sheet'

const LEFT = 60
const LEADER_END = 268
const VALUE = 280
const RIGHT = 540

/**
 * A municipal corporation's tender form typed the old way: each particular's label runs into a
 * dotted leader that stops at the value column, the lines lettered (a), (b)…, the corporation named
 * only in the letterhead above a rule.
 */
export const dottedLeaders: BidLayout = {
  name: 'dotted-leaders',
  description: 'Municipal tender form, labels with dotted leaders to the value',
  async render(v) {
    const { pdf, fonts } = await newDocument()
    const sheet = Sheet.add(pdf, fonts)
    const number = `${v.code}/${v.pick(['ENGG', 'STORES', 'MECH'])}/T-${v.int(10, 480)}/${v.pick(['2026', '2027'])}`
    sheet.centred(46, v.truth.organisation.toUpperCase(), { size: 13, bold: true })
    sheet.centred(
      62,
      `${v.pick(['Purchase', 'Stores', 'Engineering'])} Section, ${v.pick(['Civic Centre', 'Head Office', 'Main Building'])}`,
      { size: 10 },
    )
    sheet.rule(LEFT, 72, RIGHT, 72, 1)
    sheet.centred(96, 'FORM OF TENDER NOTICE', { size: 12, bold: true })
    let y = sheet.paragraph(
      LEFT,
      120,
      'Sealed tenders in two covers are invited from eligible firms for the supply described below, on the terms of the tender document.',
      RIGHT - LEFT,
      { size: 10 },
    )
    const rows: [string, string][] = [
      ['Tender Notice No.', number],
      ['Description of Stores', v.truth.title],
      ['Quantity', `${v.quantity} ${v.unit}`],
      ['Earnest Money Deposit', v.emd],
      ['Price of Tender Form', `Rs. ${v.pick([300, 500, 1500])}/- (non-refundable)`],
      ['Last Date & Time for Receipt', v.endDate(v.pick(['dotted', 'slashed']))],
      ['Date of Opening of Tenders', v.otherDate(1, 'dotted')],
    ]
    y += 10
    rows.forEach(([label, value], i) => {
      const letter = `(${String.fromCharCode(97 + i)})`
      sheet.text(LEFT, y, letter, { size: 10 })
      const width = sheet.text(LEFT + 22, y, label, { size: 10 })
      let dots = ''
      while (sheet.measure(`${dots}.`, { size: 10 }) < LEADER_END - (LEFT + 26 + width)) dots += '.'
      sheet.text(LEFT + 26 + width, y, dots, { size: 10 })
      const lines = sheet.wrap(value, RIGHT - VALUE, { size: 10 })
      lines.forEach((line, k) => sheet.text(VALUE, y + 14 * k, line, { size: 10 }))
      y += 14 * lines.length + 8
    })
    for (const term of TERMS.slice(0, 2))
      y = sheet.paragraph(LEFT, y + 16, term, RIGHT - LEFT, { size: 9 }) - 6
    sheet.text(RIGHT - 150, y + 44, 'Commissioner', { size: 10, bold: true })
    return { pdf: await pdf.save(), truth: { ...v.truth, bidNumber: number } }
  },
}
