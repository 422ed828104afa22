import { TERMS, type BidLayout } from '../layout'
import { newDocument, Sheet } from '../sheet'

const LEFT = 36
const RIGHT = 560

/**
 * A portal's bid summary printed landscape-narrow: three label–value pairs to a ruled row, labels
 * in small bold type, the item's row spanning the rest of the table.
 */
export const tripleGrid: BidLayout = {
  name: 'triple-grid',
  description: 'Portal bid summary, three label-value pairs to a ruled row',
  async render(v) {
    const { pdf, fonts } = await newDocument()
    const sheet = Sheet.add(pdf, fonts)
    const number = `${v.pick(['BID', 'ETN'])}-${v.pick(['2026', '2027'])}-${v.int(100_000, 999_999)}`
    sheet.text(LEFT, 48, v.truth.organisation, { size: 13, bold: true })
    sheet.text(LEFT, 64, 'Bid Summary', { size: 11 })
    const xs = [LEFT, 105, 215, 285, 395, 470, RIGHT]
    const rows: [string, string][][] = [
      [
        ['Bid No.', number],
        ['Bid Date', v.otherDate(-v.int(12, 25), 'slashed')],
        ['Bid End Date', v.endDate(v.pick(['slashed', 'dotted']))],
      ],
      [
        ['Buyer', v.truth.organisation],
        ['Bid Type', v.pick(['Open', 'Limited'])],
        ['Validity', `${v.pick([90, 120])} days`],
      ],
      [
        ['Total Qty', `${v.quantity} ${v.unit}`],
        ['EMD', v.emdFigure],
        ['ePBG', `${v.pick([3, 5, 10])}%`],
      ],
    ]
    const style = { size: 8 }
    let y = 80
    const edges = [y]
    for (const row of rows) {
      const heights = row.map(
        ([, value], i) => sheet.wrap(value, xs[2 * i + 2]! - xs[2 * i + 1]! - 6, style).length,
      )
      row.forEach(([label, value], i) => {
        sheet.text(xs[2 * i]! + 3, y + 12, label, { ...style, bold: true })
        sheet
          .wrap(value, xs[2 * i + 2]! - xs[2 * i + 1]! - 6, style)
          .forEach((line, k) => sheet.text(xs[2 * i + 1]! + 3, y + 12 + 10 * k, line, style))
      })
      y += 8 + 10 * Math.max(...heights)
      edges.push(y)
    }
    sheet.grid(xs, edges)
    sheet.text(LEFT + 3, y + 12, 'Item', { ...style, bold: true })
    sheet.text(xs[1]! + 3, y + 12, v.truth.title, style)
    sheet.grid([LEFT, xs[1]!, RIGHT], [y, y + 18])
    y += 18
    for (const term of TERMS.slice(0, 2))
      y = sheet.paragraph(LEFT, y + 14, term, RIGHT - LEFT, { size: 9 }) - 6
    return { pdf: await pdf.save(), truth: { ...v.truth, bidNumber: number } }
  },
}
