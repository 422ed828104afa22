import { useState, type FormEvent } from 'react'
import type { TenantId } from '../../../shared/contract'
import { describeError } from '../../bridge/errors'
import { announce, showPage, useDocumentStore } from '../../state'
import '../sync/sync.css'
import { recordTenderDecision } from './record-decision'

type Choice = 'relevant' | 'irrelevant'

/**
 * Until the tender screen has its own decision controls: mark an imported document relevant or
 * not, by hand. Saved locally at once, so it works offline; the sync worker sends it on.
 */
export function QuickDecision({ tenantId }: { tenantId: TenantId }) {
  const documents = useDocumentStore((s) => s.documents)
  const [documentId, setDocumentId] = useState('')
  const [decision, setDecision] = useState<Choice>('relevant')
  const [tenderId, setTenderId] = useState('')
  const [reason, setReason] = useState('')
  const [actor, setActor] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    const document = documents.find((d) => d.id === documentId)
    if (!document) return setError('Choose a document.')
    if (actor.trim() === '') return setError('Say who decided (your name or initials).')
    setBusy(true)
    setError(null)
    try {
      await recordTenderDecision(tenantId, { document, decision, tenderId, reason, actor })
      const text = `Recorded: ${document.name} is ${decision === 'relevant' ? 'relevant' : 'not relevant'}.`
      setDone(text)
      announce(text)
      setReason('')
    } catch (e) {
      setError(describeError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="quick-decision-title" className="card">
      <h2 id="quick-decision-title">Quick decision</h2>
      {documents.length === 0 ? (
        <p className="muted">
          No documents yet.{' '}
          <button type="button" className="link" onClick={() => showPage('tenders')}>
            Import one on the Tenders page
          </button>{' '}
          to record a decision about it.
        </p>
      ) : (
        <form aria-label="Quick decision" className="hub-form" noValidate onSubmit={(e) => void submit(e)}>
          <label>
            Document
            <select value={documentId} onChange={(e) => setDocumentId(e.target.value)}>
              <option value="">Choose…</option>
              {documents.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>Decision</legend>
            {(['relevant', 'irrelevant'] as const).map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name="quick-decision"
                  value={value}
                  checked={decision === value}
                  onChange={() => setDecision(value)}
                />{' '}
                {value === 'relevant' ? 'Relevant' : 'Not relevant'}
              </label>
            ))}
          </fieldset>
          <label>
            Tender reference (optional)
            <input value={tenderId} onChange={(e) => setTenderId(e.target.value)} autoComplete="off" />
          </label>
          <label>
            Note (optional)
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
          </label>
          <label>
            Decided by
            <input value={actor} onChange={(e) => setActor(e.target.value)} autoComplete="name" />
          </label>
          <div className="sync-actions">
            <button type="submit" disabled={busy}>
              Record decision
            </button>
          </div>
        </form>
      )}
      {done && <p className="muted">{done}</p>}
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
    </section>
  )
}
