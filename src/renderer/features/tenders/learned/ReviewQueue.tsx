import { useMemo, useState, type FormEvent } from 'react'
import { describeError } from '../../../bridge/errors'
import { openTenantDb } from '../../../db'
import { openDocument, useDocumentStore } from '../../../state'
import { useDecisionsStore } from '../decisions/store'
import { openEvidence } from '../evidence/store'
import { useScreeningStore } from '../screening/store'
import { REVIEW_THRESHOLD_KEY } from './load-model'
import { describeHandover, handover, percent } from './review'
import { useLearnedStore } from './store'

/** A long queue is worked from the top; the rest is counted, not drawn. */
const SHOWN = 50

/** The tenant's threshold, kept in its own store so every desk page and restart sees the same one. */
function ThresholdForm({ threshold }: { threshold: number }) {
  const tenantId = useLearnedStore((s) => s.tenantId)
  const [text, setText] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const save = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    const value = Number(text ?? threshold)
    if (!Number.isFinite(value) || value <= 0.5 || value > 1)
      return setError('The threshold is a confidence above 0.5 and at most 1 (e.g. 0.85).')
    if (tenantId === null) return
    try {
      const db = await openTenantDb(tenantId)
      try {
        await db.meta.put({ key: REVIEW_THRESHOLD_KEY, value })
      } finally {
        db.close()
      }
      setText(null)
      setError(null)
    } catch (e) {
      setError(describeError(e).message)
    }
  }
  return (
    <form
      className="review-threshold"
      aria-label="Review threshold"
      noValidate
      onSubmit={(e) => void save(e)}
    >
      <label>
        Hand to a person below confidence{' '}
        <input
          type="number"
          min={0.5}
          max={1}
          step={0.01}
          value={text ?? String(threshold)}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <button type="submit" disabled={text === null}>
        Set
      </button>
      {error && (
        <span role="alert" className="inline-error">
          {error}
        </span>
      )}
    </form>
  )
}

/**
 * "Needs a person": documents whose type or relevance a model was not sure enough of, each with the
 * model and confidence that sent it here, and the share of documents handed to people.
 */
export function ReviewQueue() {
  const documents = useDocumentStore((s) => s.documents)
  const rows = useScreeningStore((s) => s.rows)
  const decisions = useDecisionsStore((s) => s.decisions)
  const { verdicts, model, threshold } = useLearnedStore()
  const h = useMemo(
    () => handover({ documents, rows, verdicts, decisions, modelVersion: model?.version ?? null, threshold }),
    [documents, rows, verdicts, decisions, model, threshold],
  )
  return (
    <section aria-labelledby="review-title" className="review-queue">
      <h3 id="review-title">Needs a person</h3>
      <p className="muted" role="note" aria-label="Handover rate">
        {describeHandover(h)}
      </p>
      <ThresholdForm threshold={threshold} />
      {h.queue.length === 0 ? (
        <p className="muted">
          Nothing waiting: every model is at least {percent(threshold)} sure, or a person has decided.
        </p>
      ) : (
        <ul aria-label="Documents that need a person">
          {h.queue.slice(0, SHOWN).map((item) => (
            <li key={item.documentId}>
              <button
                type="button"
                className="link"
                onClick={() => (item.screened ? openEvidence : openDocument)(item.documentId)}
              >
                {item.name}
              </button>
              : {item.reasons.join('; ')}
            </li>
          ))}
          {h.queue.length > SHOWN && <li className="muted">and {h.queue.length - SHOWN} more</li>}
        </ul>
      )}
    </section>
  )
}
