import type { DocumentRecord } from '../../../shared/contract'
import { describeExtraction } from './describe-extraction'
import { useExtract } from './use-extract'

/** The document's text state, with a Retry where reading failed. */
export function ExtractionStatus({ document }: { document: DocumentRecord }) {
  const { extract, busy, error } = useExtract()
  const state = document.extraction?.state
  return (
    <span className={`extraction extraction-${state ?? 'none'}`}>
      <span>{describeExtraction(document.extraction)}</span>
      {state === 'failed' && (
        <button
          type="button"
          className="small"
          aria-label={`Retry ${document.name}`}
          disabled={busy}
          onClick={() => void extract([document.id])}
        >
          Retry
        </button>
      )}
      {error && (
        <span role="alert" className="inline-error">
          {error}
        </span>
      )}
    </span>
  )
}
