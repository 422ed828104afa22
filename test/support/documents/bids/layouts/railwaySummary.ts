import { TERMS, type BidLayout } from '../layout'
import { newDocument, Sheet } from '../sheet'

const LEFT = 40
const RIGHT = 555

/**
 * A railway e-procurement tender summary: a ruled grid of four columns, two label–value pairs a
 * row and no colons, the title across three cells, then the item schedule with quantity and unit
 * in columns of their own.
 */
export const railwaySummary: BidLayout = {
  name: 'railway-summary',
  description: 'Railway e-procurement summary, four-column label grid',
  async render(v) {
    const { pdf, fonts } = await newDocument()
    const sheet = Sheet.add(pdf, fonts)
    const number = `${v.int(10, 99)}${v.int(100000, 999999)}`
    sheet.centred(44, v.truth.organisation.toUpperCase(), { size: 12, bold: true })
    sheet.centred(60, 'e-Procurement System', { size: 9 })
    sheet.centred(86, 'TENDER DOCUMENT - SUMMARY', { size: 12, bold: true })
    const xs = [LEFT, 150, 300, 410, RIGHT]
    const rows: string[][] = [
      ['Tender No', number, 'Tender Type', v.pick(['Open', 'Limited', 'Global'])],
      ['Tender Title', `Supply of ${v.truth.title}`],
      ['Organisation', v.truth.organisation, 'Department', v.pick(['Stores', 'Electrical', 'Mechanical'])],
      [
        'Bidding Start Date',
        v.otherDate(-v.int(12, 25), 'slashed'),
        'Closing Date/Time',
        v.endDate('slashed'),
      ],
      ['Earnest Money (Rs.)', v.emdFigure, 'Tender Doc. Cost', String(v.pick([0, 500, 1000]))],
      ['Validity of Offer', `${v.pick([60, 90, 120])} days`, 'Bidding Style', 'Single Packet'],
    ]
    let y = 104
    const edges = [y]
    for (const row of rows) {
      let height = 20
      if (row.length === 2) {
        sheet.text(xs[0]! + 4, y + 13, row[0]!, { size: 9, bold: true })
        const lines = sheet.wrap(row[1]!, RIGHT - xs[1]! - 8, { size: 9 })
        lines.forEach((line, k) => sheet.text(xs[1]! + 4, y + 13 + 11 * k, line, { size: 9 }))
        height = 9 + 11 * lines.length
        sheet.grid([xs[0]!, xs[1]!, RIGHT], [y, y + height])
      } else {
        const cells = row.map((c, i) => sheet.wrap(c, xs[i + 1]! - xs[i]! - 8, { size: 9 }))
        height = 9 + 11 * Math.max(...cells.map((c) => c.length))
        cells.forEach((lines, i) =>
          lines.forEach((line, k) =>
            sheet.text(xs[i]! + 4, y + 13 + 11 * k, line, { size: 9, bold: i % 2 === 0 }),
          ),
        )
        sheet.grid(xs, [y, y + height])
      }
      y += height
      edges.push(y)
    }
    y += 26
    sheet.text(LEFT, y, 'Item Details', { size: 10, bold: true })
    const ix = [LEFT, 80, 330, 400, 460, RIGHT]
    const heads = ['S.No', 'Item Description', 'Quantity', 'Unit', 'Delivery']
    const cells = ['1', v.truth.title, v.quantity, v.unit, `${v.pick([30, 60, 90])} days`]
    const top = y + 8
    heads.forEach((h, i) => sheet.text(ix[i]! + 4, top + 13, h, { size: 9, bold: true }))
    const lines = sheet.wrap(cells[1]!, ix[2]! - ix[1]! - 8, { size: 9 })
    cells.forEach((c, i) => {
      if (i === 1) lines.forEach((line, k) => sheet.text(ix[1]! + 4, top + 32 + 11 * k, line, { size: 9 }))
      else sheet.text(ix[i]! + 4, top + 32, c, { size: 9 })
    })
    const bottom = top + 26 + 11 * lines.length
    sheet.grid(ix, [top, top + 19, bottom])
    y = bottom + 20
    for (const term of TERMS.slice(0, 3)) y = sheet.paragraph(LEFT, y + 6, term, RIGHT - LEFT, { size: 9 })
    return { pdf: await pdf.save(), truth: { ...v.truth, bidNumber: number } }
  },
}
