import { useState } from 'react'
import type { DocumentRecord } from '../../../shared/contract'
import { DOC_TYPE_LABELS, DOC_TYPES, docTypeSchema } from '../../../shared/documents/doctype/types'
import { describeError } from '../../bridge/errors'
import { announce, deskUserName } from '../../state'
import { useServices } from '../services/context'
import { refreshDocuments } from '../tenants/load'

/** What the type rests on, for the tooltip: the classifier's cues, or who changed it and when. */
export function describeDocType(document: DocumentRecord): string {
  const t = document.docType
  if (!t) return 'Typed once its text is read'
  const last = t.changes[t.changes.length - 1]
  if (t.source === 'user' && last) return `Set by ${last.by} on ${last.at.slice(0, 10)}`
  const why = t.cues.length > 0 ? `: ${t.cues.slice(0, 3).join('; ')}` : ''
  return `Typed from its text (confidence ${Math.round(t.confidence * 100)}%)${why}`
}

/** The document's type (which desk it goes to), changed by picking another. */
export function DocTypeSelect({ document }: { document: DocumentRecord }) {
  const services = useServices()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const current = document.docType?.type ?? ''

  const change = async (value: string): Promise<void> => {
    const parsed = docTypeSchema.safeParse(value)
    if (!parsed.success || parsed.data === current) return
    setBusy(true)
    setError(null)
    try {
      const by = deskUserName()
      await services.desk.documents.setType({
        documentId: document.id,
        type: parsed.data,
        ...(by ? { by } : {}),
      })
      announce(`${document.name} is now typed ${DOC_TYPE_LABELS[parsed.data]}.`)
      await refreshDocuments(services)
    } catch (e) {
      setError(describeError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <select
        aria-label={`Type of ${document.name}`}
        title={describeDocType(document)}
        value={current}
        disabled={busy}
        onChange={(e) => void change(e.target.value)}
      >
        {current === '' && <option value="">Not typed yet</option>}
        {DOC_TYPES.map((t) => (
          <option key={t} value={t}>
            {DOC_TYPE_LABELS[t]}
            {t === current && document.docType?.source === 'user' ? ' (set by hand)' : ''}
          </option>
        ))}
      </select>
      {error && (
        <span role="alert" className="inline-error">
          {error}
        </span>
      )}
    </>
  )
}
