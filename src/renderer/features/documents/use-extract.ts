import { useCallback, useState } from 'react'
import type { ExtractionMode } from '../../../shared/document-text'
import { describeError } from '../../bridge/errors'
import { announce, markExtractionQueued } from '../../state'
import { applyJobUpdate } from '../jobs/use-job-events'
import { useServices } from '../services/context'

/** Asks the desk to read documents (again); the job shows in the Jobs panel like an import. */
export function useExtract(): {
  extract: (documentIds: string[], mode?: ExtractionMode) => Promise<void>
  busy: boolean
  error: string | null
} {
  const services = useServices()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const extract = useCallback(
    async (documentIds: string[], mode?: ExtractionMode) => {
      setBusy(true)
      setError(null)
      try {
        const job = await services.desk.documents.extract(mode ? { documentIds, mode } : { documentIds })
        markExtractionQueued(documentIds)
        applyJobUpdate(services, job)
      } catch (e) {
        const message = `Could not start reading: ${describeError(e).message}`
        setError(message)
        announce(message)
      } finally {
        setBusy(false)
      }
    },
    [services],
  )

  return { extract, busy, error }
}
