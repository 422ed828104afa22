import { useState, type FormEvent } from 'react'
import type { TenantId } from '../../../../shared/contract'
import { describeError } from '../../../bridge/errors'
import { announce } from '../../../state'
import { recordTenderDecision } from './record'
import { loadDecisions, setDecisionActor, useDecisionsStore } from './store'
import { DECISION_LABELS, DECISIONS, type TenderDecisionValue } from './types'

interface Props {
  tenantId: TenantId
  documentId: string
  sha256: string
  name: string
  tenderId: string
}

/** Relevant / not relevant / needs review, with a reason; saved locally at once, synced later. */
export function DecisionForm({ tenantId, documentId, sha256, name, tenderId }: Props) {
  const current = useDecisionsStore((s) => s.decisions[documentId])
  const actor = useDecisionsStore((s) => s.actor)
  // No default: a preselected verdict would be recorded on bids nobody looked at (even vetoed ones).
  // A decision already recorded by an analyst is theirs, so it may stay selected.
  const [decision, setDecision] = useState<TenderDecisionValue | null>(current?.decision ?? null)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (decision === null) return setError('Choose relevant, not relevant or needs review.')
    if (reason.trim() === '') return setError('Give a reason for the decision.')
    if (actor.trim() === '') return setError('Say who decided (your name or initials).')
    setBusy(true)
    setError(null)
    try {
      await recordTenderDecision(tenantId, { documentId, sha256, tenderId, decision, reason, actor })
      await loadDecisions(tenantId)
      setReason('')
      announce(`Recorded: ${name} is ${DECISION_LABELS[decision].toLowerCase()}.`)
    } catch (e) {
      setError(describeError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="decision-title">
      <h3 id="decision-title">Decision</h3>
      {current && (
        <p role="status" aria-label="Current decision">
          {DECISION_LABELS[current.decision]} — {current.reason ?? 'no reason'} ({current.decidedBy})
        </p>
      )}
      <form aria-label="Decision" noValidate onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>This tender is</legend>
          {DECISIONS.map((value) => (
            <label key={value}>
              <input
                type="radio"
                name="tender-decision"
                checked={decision === value}
                onChange={() => setDecision(value)}
              />{' '}
              {DECISION_LABELS[value]}
            </label>
          ))}
        </fieldset>
        <label>
          Reason
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
        </label>
        <label>
          Decided by
          <input value={actor} onChange={(e) => setDecisionActor(e.target.value)} autoComplete="name" />
        </label>
        <button
          type="submit"
          disabled={busy || decision === null}
          aria-describedby={decision === null ? 'decision-hint' : undefined}
        >
          Record decision
        </button>
        {decision === null && (
          <p id="decision-hint" className="muted">
            Choose relevant, not relevant or needs review to record a decision.
          </p>
        )}
      </form>
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
    </section>
  )
}
