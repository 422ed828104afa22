import { PDFDocument, StandardFonts } from 'pdf-lib'

/** A plain text-layer PDF of `text` (Helvetica 10 pt, wrapped at 95 characters, 60 lines a page). */
export async function textPdf(text: string): Promise<Uint8Array> {
  // No creation or modification date: the same text gives the same bytes, so the same sha256 (which
  // decides, among other things, a training example's validation split) on every run.
  const pdf = await PDFDocument.create({ updateMetadata: false })
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  const lines = text
    .replace(/[^\x20-\x7e\n]/g, ' ')
    .split('\n')
    .flatMap((line) => line.match(/.{1,95}(\s|$)|\S+/g) ?? [''])
  for (let start = 0; start < lines.length; start += 60) {
    const page = pdf.addPage([595, 842])
    lines.slice(start, start + 60).forEach((line, i) => {
      page.drawText(line.trimEnd(), { x: 40, y: 800 - i * 13, size: 10, font })
    })
  }
  return pdf.save()
}
