import { STATES, TERMS, type BidLayout } from '../layout'
import { newDocument, Sheet } from '../sheet'

const LEFT = 50
const WIDTH = 495

/**
 * A state portal's Notice Inviting Tender: a letterhead, the facts in running sentences, and a
 * one-row schedule with its headings above the values.
 */
export const nitNotice: BidLayout = {
  name: 'nit-notice',
  description: 'State NIT, running text and a headed schedule row',
  async render(v) {
    const { pdf, fonts } = await newDocument()
    const sheet = Sheet.add(pdf, fonts)
    const state = v.pick(STATES)
    const number = `${v.code}/EE/${v.int(10, 999)}/2026-27`
    sheet.centred(50, `GOVERNMENT OF ${state.toUpperCase()}`, { size: 12, bold: true })
    sheet.centred(68, v.truth.organisation, { size: 12, bold: true })
    sheet.centred(
      84,
      `Office of the Executive Engineer, ${v.pick(['Stores', 'Mechanical', 'Water Supply'])} Division`,
      { size: 10 },
    )
    sheet.centred(116, 'NOTICE INVITING TENDER', { size: 13, bold: true })
    sheet.text(LEFT, 142, `NIT No. ${number}`, { size: 10 })
    sheet.text(400, 142, `Date: ${v.otherDate(-v.int(10, 25), 'day')}`, { size: 10 })
    let y = sheet.paragraph(
      LEFT,
      170,
      `The Executive Engineer, for and on behalf of the ${v.truth.organisation}, invites online bids from eligible and experienced suppliers for the supply of the following item. Tender documents may be downloaded from the ${state} e-procurement portal.`,
      WIDTH,
      { size: 10 },
    )
    const xs = [LEFT, 80, 250, 335, 425, LEFT + WIDTH]
    const heads = ['Sl. No.', 'Name of Item', 'Quantity', 'EMD (₹)', 'Last Date of Submission']
    const cells = ['1', v.truth.title, `${v.quantity} ${v.unit}`, v.emdFigure, v.endDate('dotted')]
    const top = y + 6
    let bottom = top
    const headBottom = top + 30
    heads.forEach((h, i) => {
      sheet.wrap(h, xs[i + 1]! - xs[i]! - 8, { size: 9, bold: true }).forEach((line, k) => {
        sheet.text(xs[i]! + 4, top + 12 + 11 * k, line, { size: 9, bold: true })
      })
    })
    cells.forEach((c, i) => {
      const lines = sheet.wrap(c, xs[i + 1]! - xs[i]! - 8, { size: 9 })
      lines.forEach((line, k) => sheet.text(xs[i]! + 4, headBottom + 13 + 12 * k, line, { size: 9 }))
      bottom = Math.max(bottom, headBottom + 8 + 12 * lines.length)
    })
    sheet.grid(xs, [top, headBottom, bottom + 6])
    y = bottom + 30
    y = sheet.paragraph(
      LEFT,
      y,
      `The Earnest Money Deposit of ${v.emd} shall be paid online through the portal. The last date of submission of bids is ${v.endDate('long')}, and bids received after that shall not be considered.`,
      WIDTH,
      { size: 10 },
    )
    for (const term of TERMS.slice(1)) y = sheet.paragraph(LEFT, y + 6, term, WIDTH, { size: 9 })
    sheet.text(360, y + 40, 'Executive Engineer', { size: 10, bold: true })
    return { pdf: await pdf.save(), truth: { ...v.truth, bidNumber: number } }
  },
}
