import { TERMS, type BidLayout } from '../layout'
import { newDocument, Sheet } from '../sheet'

const LEFT = 40
const RIGHT = 555

/**
 * A short notice inviting tenders as a division office prints it on its website and in the
 * papers: a paragraph naming the office, then every fact of the tender in one row of a ruled table
 * under abbreviated column headings ("NIT No.", "Qty.", "E.M.D. (Rs.)", "Last Date & Time of
 * Receipt"), the item's name wrapped inside its narrow cell.
 */
export const nitTableRow: BidLayout = {
  name: 'nit-table-row',
  description: 'Division office NIT, every fact in one row of a ruled table',
  async render(v) {
    const { pdf, fonts } = await newDocument()
    const sheet = Sheet.add(pdf, fonts)
    const number = `${v.int(1, 60)}/${v.code}/${v.pick(['EE', 'SE', 'CE'])}/${v.pick(['2026-27', '2027-28'])}`
    sheet.centred(48, v.truth.organisation, { size: 13, bold: true })
    sheet.centred(
      64,
      `Office of the ${v.pick(['Executive Engineer', 'Superintending Engineer', 'Chief Engineer'])}`,
      {
        size: 10,
      },
    )
    sheet.centred(90, 'NOTICE INVITING TENDER', { size: 12, bold: true })
    let y = sheet.paragraph(
      LEFT,
      110,
      `On behalf of the ${v.truth.organisation}, sealed item rate tenders are invited from reputed firms for the following work. Tender documents may be downloaded from the official website.`,
      RIGHT - LEFT,
      { size: 9.5 },
    )
    y += 12
    const xs = [LEFT, 70, 165, 315, 370, 430, 480, RIGHT]
    const heads = [
      'Sl. No.',
      'NIT No.',
      'Name of Work / Item',
      'Qty.',
      'E.M.D. (Rs.)',
      'Tender Fee (Rs.)',
      'Last Date & Time of Receipt',
    ]
    const cells = [
      '1.',
      number,
      `Supply of ${v.truth.title}`,
      `${v.quantity} ${v.unit}`,
      v.emdFigure,
      v.pick(['590', '1,180', '2,360']),
      v.endDate(v.pick(['slashed', 'dotted'])),
    ]
    const style = { size: 8.5 }
    const wrapIn = (text: string, i: number, bold = false) =>
      sheet.wrap(text, xs[i + 1]! - xs[i]! - 6, { ...style, bold })
    const headLines = heads.map((h, i) => wrapIn(h, i, true))
    const headHeight = 6 + 11 * Math.max(...headLines.map((l) => l.length))
    headLines.forEach((lines, i) =>
      lines.forEach((line, k) => sheet.text(xs[i]! + 3, y + 12 + 11 * k, line, { ...style, bold: true })),
    )
    const cellLines = cells.map((c, i) => wrapIn(c, i))
    const rowTop = y + headHeight
    cellLines.forEach((lines, i) =>
      lines.forEach((line, k) => sheet.text(xs[i]! + 3, rowTop + 12 + 11 * k, line, style)),
    )
    const rowBottom = rowTop + 6 + 11 * Math.max(...cellLines.map((l) => l.length))
    sheet.grid(xs, [y, rowTop, rowBottom])
    y = rowBottom + 8
    for (const term of TERMS.slice(0, 3))
      y = sheet.paragraph(LEFT, y + 12, term, RIGHT - LEFT, { size: 9 }) - 6
    return { pdf: await pdf.save(), truth: { ...v.truth, bidNumber: number } }
  },
}
