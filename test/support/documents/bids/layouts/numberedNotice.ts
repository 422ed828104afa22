import { STATES, type BidLayout } from '../layout'
import { newDocument, Sheet } from '../sheet'

const LEFT = 55
const WIDTH = 485

/**
 * A state department's e-tender notice whose facts are a numbered list ("4. Earnest Money : …"),
 * labels phrased the department's own way, under a three-line heading that names the buyer.
 */
export const numberedNotice: BidLayout = {
  name: 'numbered-notice',
  description: 'State e-tender notice, numbered list of particulars',
  async render(v) {
    const { pdf, fonts } = await newDocument()
    const sheet = Sheet.add(pdf, fonts)
    const state = v.pick(STATES)
    const number = `${v.code}/EE/NIT-${v.int(1, 60)}/${v.pick(['2025-26', '2026-27'])}`
    sheet.centred(48, `Government of ${state}`, { size: 11 })
    sheet.centred(64, v.truth.organisation, { size: 13, bold: true })
    sheet.centred(80, `Office of the Executive Engineer, ${v.pick(['Central', 'North', 'South'])} Division`, {
      size: 10,
    })
    sheet.centred(110, 'NOTICE INVITING e-TENDER', { size: 12, bold: true })
    let y = sheet.paragraph(
      LEFT,
      134,
      `Online percentage-rate bids are invited on behalf of the ${v.truth.organisation} from bona fide manufacturers and their authorised dealers for the following supply.`,
      WIDTH,
      { size: 10 },
    )
    const items: [string, string][] = [
      ['Tender Reference No.', number],
      ['Name of the Item', v.truth.title],
      ['Quantity required', `${v.quantity} ${v.unit}`],
      ['Earnest Money', v.emd],
      ['Cost of Tender Document', `Rs. ${v.pick([500, 1000, 2000])}/-`],
      ['Last date & time of online bid submission', v.endDate('dotted')],
      ['Date & time of opening of technical bid', v.otherDate(2, 'dotted')],
    ]
    y += 8
    items.forEach(([label, value], i) => {
      sheet.text(LEFT, y, `${i + 1}.`, { size: 10 })
      sheet.text(LEFT + 18, y, label, { size: 10 })
      const lines = sheet.wrap(value, WIDTH - 230, { size: 10 })
      sheet.text(LEFT + 222, y, ':', { size: 10 })
      lines.forEach((line, k) => sheet.text(LEFT + 232, y + 14 * k, line, { size: 10 }))
      y += 14 * lines.length + 6
    })
    y = sheet.paragraph(
      LEFT,
      y + 14,
      'Bid documents may be downloaded from the state e-procurement portal. Bids shall be submitted online only; offline bids will not be entertained.',
      WIDTH,
      { size: 10 },
    )
    sheet.text(LEFT + 300, y + 40, 'Executive Engineer', { size: 10, bold: true })
    return { pdf: await pdf.save(), truth: { ...v.truth, bidNumber: number } }
  },
}
