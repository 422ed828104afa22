import { useState } from 'react'
import { describeError } from '../../../bridge/errors'
import { useDecisionsStore } from '../decisions/store'
import { useServices } from '../../services/context'
import { saveFile } from '../../documents/save-file'
import type { ViewRow } from './view'

function download(fileName: string, mediaType: string, dataBase64: string): void {
  saveFile(
    fileName,
    mediaType,
    Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0)),
  )
}

/** Exports exactly the rows the table shows, in its order, with the analyst's decisions. */
export function ExportButtons({ rows }: { rows: ViewRow[] }) {
  const { desk } = useServices()
  const decisions = useDecisionsStore((s) => s.decisions)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async (format: 'csv' | 'xlsx'): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      const documentIds = rows.map((v) => v.row.documentId)
      const file = await desk.tenders.export({
        format,
        documentIds,
        decisions: documentIds.flatMap((id) => {
          const d = decisions[id]
          return d
            ? [
                {
                  documentId: id,
                  decision: d.decision,
                  ...(d.reason ? { reason: d.reason } : {}),
                  ...(d.decidedBy ? { decidedBy: d.decidedBy } : {}),
                },
              ]
            : []
        }),
      })
      download(file.fileName, file.mediaType, file.dataBase64)
    } catch (e) {
      setError(describeError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="screen-export" role="group" aria-label="Export">
      <button type="button" disabled={busy || rows.length === 0} onClick={() => void run('csv')}>
        Export CSV
      </button>
      <button type="button" disabled={busy || rows.length === 0} onClick={() => void run('xlsx')}>
        Export XLSX
      </button>
      {error && (
        <p role="alert" className="inline-error">
          Export failed: {error}
        </p>
      )}
    </div>
  )
}
