import { useMemo } from 'react'
import type { CoaReportDto } from '../../../shared/contract/qc'
import { usePagePicture } from '../documents/use-page-picture'
import { WordOverlay } from '../documents/WordOverlay'
import { cellsOnPage } from './cells'

interface Props {
  report: CoaReportDto
  documentId: string
  documentHash: string
  page: number
  /** report.rows index of the selected parameter's row. */
  selectedRow: number | undefined
  onPickRow: (row: number) => void
}

/** The COA page with every extracted cell boxed (the viewer's overlay), the selected row's cells marked. */
export function CellPage({ report, documentId, documentHash, page, selectedRow, onPickRow }: Props) {
  const picture = usePagePicture(documentId, documentHash, page)
  const cells = useMemo(() => cellsOnPage(report, page), [report, page])
  const rowCount = useMemo(() => report.rows.filter((r) => r.page === page).length, [report, page])
  const highlighted = useMemo(
    () => new Set(cells.flatMap((c, i) => (c.row === selectedRow ? [i] : []))),
    [cells, selectedRow],
  )
  const size = report.pages?.find((p) => p.page === page)
  return (
    <figure className="page-figure qc-page" aria-label={`COA page ${page}`}>
      {picture.state === 'error' && (
        <p role="alert" className="inline-error">
          Could not show this page: {picture.message}
        </p>
      )}
      {picture.state === 'loading' && <p className="muted">Drawing the page…</p>}
      {picture.state === 'ready' && size !== undefined && (
        <div className="page-canvas">
          <img
            src={`data:${picture.value.mediaType};base64,${picture.value.dataBase64}`}
            width={picture.value.width}
            height={picture.value.height}
            alt={`COA page ${page}`}
          />
          <WordOverlay
            words={cells}
            width={picture.value.width}
            height={picture.value.height}
            scaleX={picture.value.width / size.width}
            scaleY={picture.value.height / size.height}
            summary={`Extracted cells: ${cells.length} on page ${page}, ${rowCount} rows`}
            highlighted={highlighted}
            onPick={(i) => {
              const cell = cells[i]
              if (cell) onPickRow(cell.row)
            }}
          />
        </div>
      )}
    </figure>
  )
}
