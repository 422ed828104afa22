import { useCallback, useState } from 'react'
import { describeError } from '../../bridge/errors'
import { announce } from '../../state'
import { applyJobUpdate } from '../jobs/use-job-events'
import { useServices } from '../services/context'
import { batchFiles, readAsBase64 } from '../../bridge/upload-files'

/** Reads the chosen files in the page and uploads them; each batch becomes a job in the panel. */
export function useImport(): {
  importFiles: (files: readonly File[]) => Promise<void>
  busy: boolean
  error: string | null
} {
  const services = useServices()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return
      setBusy(true)
      setError(null)
      try {
        for (const batch of batchFiles(files)) {
          const encoded = await Promise.all(batch.map(readAsBase64))
          applyJobUpdate(services, await services.desk.documents.upload({ files: encoded }))
        }
      } catch (e) {
        const message = `Import failed: ${describeError(e).message}`
        setError(message)
        announce(message)
      } finally {
        setBusy(false)
      }
    },
    [services],
  )

  return { importFiles, busy, error }
}
