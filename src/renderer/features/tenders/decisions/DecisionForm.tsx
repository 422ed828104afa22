import { useEffect, useState, type FormEvent } from 'react'
import type { DecisionFeatures } from '../../../../shared/sync/kinds'
import type { TenantId } from '../../../../shared/contract'
import { describeError } from '../../../bridge/errors'
import { announce, NO_DESK_USER, useDeskUserStore } from '../../../state'
import { CreditedTo } from '../../identity/CreditedTo'
import { useLearnedStore } from '../learned/store'
import { useOptionalServices, type DeskServices } from '../../services/context'
import { recordTenderDecision } from './record'
import { loadDecisions, useDecisionsStore } from './store'
import { DECISION_LABELS, DECISIONS, type TenderDecisionValue } from './types'

interface Props {
  tenantId: TenantId
  documentId: string
  sha256: string
  name: string
  tenderId: string
}

/** The document's hashed features, or nothing when its text or the desk cannot be reached. */
async function featuresOf(
  services: DeskServices | null,
  documentId: string,
): Promise<DecisionFeatures | undefined> {
  if (!services) return undefined
  try {
    return (await services.desk.documents.features({ documentId })).features
  } catch {
    return undefined
  }
}

/** Relevant / not relevant / needs review, with a reason; saved locally at once, synced later. */
export function DecisionForm({ tenantId, documentId, sha256, name, tenderId }: Props) {
  const current = useDecisionsStore((s) => s.decisions[documentId])
  const actor = useDeskUserStore((s) => s.name)
  const services = useOptionalServices()
  const verdict = useLearnedStore((s) => s.verdicts[documentId])
  const modelVersion = useLearnedStore((s) => s.model?.version)
  // Fetched when the bid is opened (the desk is reachable then), so deciding never waits on it.
  const [fetched, setFetched] = useState<{ documentId: string; features?: DecisionFeatures }>()
  const features = fetched?.documentId === documentId ? fetched.features : undefined
  useEffect(() => {
    let current = true
    let have = false
    const fetchFeatures = () =>
      void featuresOf(services, documentId).then((f) => {
        if (!current || have) return
        have = f !== undefined
        setFetched(f ? { documentId, features: f } : { documentId })
      })
    fetchFeatures()
    // A bid opened while its text is still being read gets its features once the text is ready.
    const off = services?.desk.on('documents.changed', () => {
      if (!have) fetchFeatures()
    })
    return () => {
      current = false
      off?.()
    }
  }, [services, documentId])
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
    if (!actor) return setError(NO_DESK_USER)
    setBusy(true)
    setError(null)
    try {
      // Features let the hub learn from the decision; without them it is still recorded.
      await recordTenderDecision(tenantId, {
        documentId,
        sha256,
        tenderId,
        decision,
        reason,
        actor,
        ...(features ? { features } : {}),
        ...(verdict && modelVersion ? { learned: { modelVersion, probability: verdict.probability } } : {}),
      })
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
        <CreditedTo what="a decision" />
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
