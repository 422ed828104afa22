import { TERMS, type BidLayout } from '../layout'
import { newDocument, Sheet } from '../sheet'

const XS = [30, 150, 300, 420, 565]

/**
 * CPPP/eProcure "Tender Details": four-column label/value grids under section headings, the
 * organisation as a chain across the row, the quantity only inside the work description.
 */
export const cpppGrid: BidLayout = {
  name: 'cppp-grid',
  description: 'CPPP eProcure Tender Details grid',
  async render(v) {
    const { pdf, fonts } = await newDocument()
    const sheet = Sheet.add(pdf, fonts)
    const id = `2026_${v.code}_${v.int(100_000, 999_999)}_1`
    const reference = `${v.code}/${v.pick(['PUR', 'MM', 'CPPP'])}/2026-27/${v.int(1, 99)}`
    sheet.centred(40, 'eProcurement System Government of India', { size: 12, bold: true })
    sheet.centred(62, 'Tender Details', { size: 12, bold: true })
    let y = 80
    const section = (title: string, rows: string[][]) => {
      sheet.text(XS[0]!, y + 12, title, { size: 10, bold: true })
      y += 18
      const edges = [y]
      for (const row of rows) {
        const spans = row.length === 2 ? [XS[0]!, XS[1]!, XS[4]!] : XS
        let height = 0
        row.forEach((cell, i) => {
          const bold = i % 2 === 0
          const lines = sheet.wrap(cell, spans[i + 1]! - spans[i]! - 8, { size: 8.5, bold })
          lines.forEach((line, k) => sheet.text(spans[i]! + 4, y + 12 + 11 * k, line, { size: 8.5, bold }))
          height = Math.max(height, 7 + 11 * lines.length)
        })
        y += height
        edges.push(y)
      }
      sheet.grid([XS[0]!, XS[4]!], edges)
      for (const x of XS.slice(1, 4)) sheet.rule(x, edges[0]!, x, edges.at(-1)!)
      y += 10
    }
    section('Basic Details', [
      [
        'Organisation Chain',
        `${v.truth.organisation}||${v.pick(['Purchase Department', 'Central Stores', 'Head Office'])}`,
      ],
      ['Tender Reference Number', reference, 'Tender ID', id],
      ['Tender Type', 'Open Tender', 'Form of contract', 'Supply'],
      ['Tender Category', 'Goods', 'No. of Covers', '2'],
    ])
    section('EMD Fee Details', [['EMD Amount in ₹', v.emdFigure, 'EMD Exemption Allowed', 'No']])
    section('Work Item Details', [
      ['Title', v.truth.title],
      [
        'Work Description',
        `Supply of ${v.quantity} ${v.unit} of ${v.truth.title} as per technical specification`,
      ],
      ['Tender Value in ₹', 'NA', 'Product Category', 'Goods'],
      ['Bid Validity(Days)', String(v.pick([90, 120])), 'Period Of Work(Days)', String(v.pick([30, 60, 90]))],
    ])
    section('Critical Dates', [
      ['Published Date', v.otherDate(-21, 'cppp'), 'Bid Opening Date', v.otherDate(2, 'cppp')],
      ['Bid Submission Start Date', v.otherDate(-20, 'cppp'), 'Bid Submission End Date', v.endDate('cppp')],
    ])
    y = sheet.paragraph(XS[0]!, y + 14, TERMS[1]!, XS[4]! - XS[0]!, { size: 8 })
    return { pdf: await pdf.save(), truth: { ...v.truth, bidNumber: id } }
  },
}
