/**
 * A PDF whose page tree lists `pages.length` pages, written by hand so one kid can be what no
 * reader can use: `null` in `pages` makes that kid the number 42 instead of a page dictionary, which
 * PDFium and pdf.js both refuse for that page only. Each other page shows its lines of text in
 * Helvetica, enough words for a usable text layer. `count` overrides the page tree's /Count: a tree
 * that says it holds fewer pages than it lists is read by pdf.js as that many pages, by PDFium as
 * every page listed.
 */
export function pdfWithDamagedPage(pages: (string[] | null)[], count = pages.length): Uint8Array {
  const objects: string[] = []
  const add = (body: string) => objects.push(body)
  add('<< /Type /Catalog /Pages 2 0 R >>')
  const firstPage = 4
  const kids = pages.map((_, i) => `${firstPage + 2 * i} 0 R`).join(' ')
  add(`<< /Type /Pages /Kids [${kids}] /Count ${count} >>`)
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>')
  for (const lines of pages) {
    const self = objects.length + 1
    if (lines === null) {
      add('42')
      add('null')
      continue
    }
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> ` +
        `/Contents ${self + 1} 0 R >>`,
    )
    const shown = lines.map((line, i) => `1 0 0 1 72 ${720 - 16 * i} Tm (${line}) Tj`).join('\n')
    const content = `BT /F1 12 Tf\n${shown}\nET`
    add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`)
  }
  let out = '%PDF-1.4\n'
  const offsets = objects.map((body, i) => {
    const at = out.length
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
    return at
  })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const at of offsets) out += `${String(at).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new TextEncoder().encode(out)
}
