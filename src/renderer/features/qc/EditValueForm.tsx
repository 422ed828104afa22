import { useState, type FormEvent } from 'react'
import { describeError } from '../../bridge/errors'
import type { CoaRecord, TenantDb } from '../../db'
import type { ReviewedParameter } from './effective'
import { actorName } from './qc-store'
import { editValue } from './records'

interface Props {
  db: TenantDb
  record: CoaRecord
  parameter: ReviewedParameter
  onDone: () => void
}

/** A correction keeps the original: the reason is required and the hub receives both values. */
export function EditValueForm({ db, record, parameter, onDone }: Props) {
  const [value, setValue] = useState(parameter.result ?? '')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (reason.trim() === '') return setError('Give a reason for the correction.')
    if (value.trim() === '') return setError('Enter the value.')
    setBusy(true)
    try {
      await editValue(db, record, { parameter: parameter.specName, value, reason }, actorName())
      onDone()
    } catch (e) {
      setError(describeError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="card qc-edit"
      aria-label={`Correct ${parameter.specName}`}
      onSubmit={(e) => void submit(e)}
    >
      <h3>Correct {parameter.specName}</h3>
      <p>
        As read from the COA: <strong>{parameter.edit?.original ?? parameter.result ?? '(nothing)'}</strong>
      </p>
      <label>
        New value
        <input value={value} onChange={(e) => setValue(e.target.value)} aria-required="true" />
      </label>
      <label>
        Reason
        <input value={reason} onChange={(e) => setReason(e.target.value)} aria-required="true" />
      </label>
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        Save correction
      </button>{' '}
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  )
}
