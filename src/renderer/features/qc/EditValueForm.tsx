import { useEffect, useRef, useState, type FormEvent } from 'react'
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

/**
 * A correction keeps the original: the reason is required and the hub receives both values.
 * It opens as a modal dialog over the table, so it is where the user is however long the table;
 * Escape or Cancel closes it, and the caller puts the focus back on the row's Correct button.
 */
export function EditValueForm({ db, record, parameter, onDone }: Props) {
  const [value, setValue] = useState(parameter.result ?? '')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const dialog = useRef<HTMLDialogElement>(null)
  const firstField = useRef<HTMLInputElement>(null)

  useEffect(() => {
    const d = dialog.current
    if (!d) return
    // jsdom has no showModal; there the dialog is simply open.
    if (typeof d.showModal === 'function') {
      if (!d.open) d.showModal()
    } else d.setAttribute('open', '')
    firstField.current?.select()
    firstField.current?.focus()
    return () => {
      if (d.open && typeof d.close === 'function') d.close()
    }
  }, [])

  /** Closes the modal first: while it is open the rest of the page is inert and cannot take focus. */
  const done = () => {
    const d = dialog.current
    if (d?.open) {
      if (typeof d.close === 'function') d.close()
      else d.removeAttribute('open')
    }
    onDone()
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (reason.trim() === '') return setError('Give a reason for the correction.')
    if (value.trim() === '') return setError('Enter the value.')
    setBusy(true)
    try {
      await editValue(db, record, { parameter: parameter.specName, value, reason }, actorName())
      done()
    } catch (e) {
      setError(describeError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <dialog
      ref={dialog}
      className="qc-edit-dialog"
      aria-labelledby="qc-edit-title"
      onCancel={(e) => {
        e.preventDefault()
        done()
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return
        e.preventDefault()
        done()
      }}
    >
      <form className="qc-edit" aria-label={`Correct ${parameter.specName}`} onSubmit={(e) => void submit(e)}>
        <h3 id="qc-edit-title">Correct {parameter.specName}</h3>
        <p>
          As read from the COA: <strong>{parameter.edit?.original ?? parameter.result ?? '(nothing)'}</strong>
        </p>
        <label>
          New value
          <input
            ref={firstField}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-required="true"
          />
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
        <div className="actions">
          <button type="submit" disabled={busy}>
            Save correction
          </button>
          <button type="button" onClick={done}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  )
}
