import { useState, type FormEvent } from 'react'
import type { EvidenceField, TenantId } from '../../../../shared/contract'
import { fieldLabel } from '../../../../shared/tenders/fields/labels'
import { describeError } from '../../../bridge/errors'
import { announce, NO_DESK_USER, useDeskUserStore } from '../../../state'
import { CreditedTo } from '../../identity/CreditedTo'
import { useOptionalServices } from '../../services/context'
import { learnPortalTemplate } from './learn-template'
import { recordFieldCorrection } from './record'
import { loadDecisions } from './store'

interface Props {
  tenantId: TenantId
  documentId: string
  sha256: string
  fieldName: string
  field: EvidenceField
  modelVersion: string
  onDone(): void
}

/** Corrects one extracted field; the value as read is kept beside the correction, never overwritten. */
export function CorrectionForm({
  tenantId,
  documentId,
  sha256,
  fieldName,
  field,
  modelVersion,
  onDone,
}: Props) {
  const actor = useDeskUserStore((s) => s.name)
  const services = useOptionalServices()
  const [value, setValue] = useState(field.value)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (value.trim() === '' || value.trim() === field.value) return setError('Enter the corrected value.')
    if (!actor) return setError(NO_DESK_USER)
    try {
      await recordFieldCorrection(tenantId, {
        documentId,
        sha256,
        field: fieldName,
        original: { value: field.value, normalised: field.normalised },
        correctedValue: value,
        confidence: field.confidence,
        modelVersion,
        reason,
        actor,
      })
      await loadDecisions(tenantId)
      const learned = services
        ? await learnPortalTemplate(services.desk, tenantId, documentId, fieldName, value)
        : ''
      announce(`Correction of ${fieldLabel(fieldName)} recorded.${learned}`)
      onDone()
    } catch (e) {
      setError(describeError(e).message)
    }
  }

  return (
    <form
      aria-label={`Correct ${fieldLabel(fieldName)}`}
      noValidate
      onSubmit={(e) => void submit(e)}
      className="correction"
    >
      <p className="muted">As read: {field.value}</p>
      <label>
        Corrected value
        <input value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <label>
        Reason
        <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <CreditedTo what="a correction" />
      <button type="submit">Save correction</button>{' '}
      <button type="button" onClick={onDone}>
        Cancel
      </button>
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
    </form>
  )
}
