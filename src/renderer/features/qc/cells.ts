import type { CoaReportDto, ExtractedRowDto } from '../../../shared/contract/qc'
import type { Word } from '../../../shared/document-text'

export interface PageCell extends Word {
  /** Index into report.rows. */
  row: number
}

function rowCells(row: ExtractedRowDto) {
  return [...Object.values(row.cells), ...row.others]
}

/** Every extracted cell on one page, as boxes the viewer's overlay can draw. */
export function cellsOnPage(report: CoaReportDto, page: number): PageCell[] {
  const out: PageCell[] = []
  report.rows.forEach((row, i) => {
    for (const c of rowCells(row))
      if (c.page === page) out.push({ text: c.text, bbox: c.bbox, confidence: c.confidence, row: i })
  })
  return out
}

export function pagesOf(report: CoaReportDto): number[] {
  return [...new Set(report.rows.map((r) => r.page))].sort((a, b) => a - b)
}
