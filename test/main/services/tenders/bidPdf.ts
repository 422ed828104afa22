import { PDFDocument, StandardFonts } from 'pdf-lib'

export interface Bid {
  number: string
  item: string
  quantity: number
  endDate: string
  emd?: number
  body?: string[]
}

/** A generated bid PDF with a text layer, in one of three layouts (GeM table, notice text, CPPP-like grid). */
export async function bidPdf(bid: Bid, layout: 'gem' | 'notice' | 'grid'): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  const page = pdf.addPage([595, 842])
  let y = 800
  const put = (text: string, x: number, size = 10) => page.drawText(text, { x, y, size, font })
  if (layout === 'gem') {
    put(`Bid Number: ${bid.number}`, 330)
    y -= 40
    for (const [label, value] of [
      ['Bid End Date/Time', bid.endDate],
      ['Total Quantity', String(bid.quantity)],
      ['Item Category', bid.item],
      ['EMD Amount', String(bid.emd ?? 0)],
    ] as const) {
      put(label, 40)
      put(value, 280)
      y -= 30
    }
  } else if (layout === 'notice') {
    put('NOTICE INVITING TENDER', 200, 14)
    y -= 30
    put(`Tender No: ${bid.number}`, 40)
    y -= 20
    put(`Tender for supply of ${bid.item}, quantity ${bid.quantity} nos.`, 40)
    y -= 20
    put(`Last Date of Submission: ${bid.endDate}`, 40)
    y -= 20
    if (bid.emd) put(`Earnest Money Deposit: Rs. ${bid.emd.toLocaleString('en-IN')}`, 40)
    y -= 30
  } else {
    for (const [a, b, c, d] of [
      ['Tender Reference Number', bid.number, 'Tender ID', '2026_TEST_1'],
      ['Title', bid.item, 'EMD Amount in Rs', String(bid.emd ?? 0)],
      ['Bid Submission End Date', bid.endDate, 'Tender Type', 'Open Tender'],
    ] as const) {
      put(a, 30, 9)
      put(b, 170, 9)
      put(c, 330, 9)
      put(d, 450, 9)
      y -= 24
    }
  }
  for (const line of bid.body ?? []) {
    y -= 16
    put(line, 40)
  }
  return pdf.save()
}
