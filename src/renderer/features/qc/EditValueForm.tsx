import { useEffect, useRef, useState, type FormEvent } from 'react'
import { describeError } from '../../bridge/errors'
import type { CoaRecord, TenantDb } from '../../db'
import { useSessionStore } from '../identity/session'
import { useServices } from '../services/context'
import { deskVerifier } from './desk-signers'
import type { ReviewedParameter } from './effective'
import { PasswordField } from './PasswordField'
import { keepOcrCorrection } from './ocr-truth'
import { showNotice } from './qc-store'
import { editValue } from './records'

interface Props {
  db: TenantDb
  record: CoaRecord
  parameter: ReviewedParameter
  onDone: () => void
}

/**
 * A correction keeps the original: the reason is required and the hub receives both values. It is
 * signed 'reviewed' by the signed-in person with their PIN or passphrase, and credited to them.
 * It opens as a modal dialog over the table, so it is where the user is however long the table;
 * Escape or Cancel closes it, and the caller puts the focus back on the row's Correct button.
 */
export function EditValueForm({ db, record, parameter, onDone }: Props) {
  const { desk } = useServices()
  const me = useSessionStore((s) => s.status?.user?.name ?? null)
  const [value, setValue] = useState(parameter.result ?? '')
  const [reason, setReason] = useState('')
  const [secret, setSecret] = useState('')
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
    if (!me) return setError('Sign in to correct a value.')
    if (secret === '') return setError(`Enter ${me}’s PIN or passphrase to sign the correction.`)
    setBusy(true)
    setError(null)
    try {
      const saved = await editValue(
        db,
        record,
        { parameter: parameter.specName, value, reason },
        { name: me, secret },
        deskVerifier(desk),
      )
      const by = saved.edits.at(-1)?.by ?? me
      // `record` is still the one before this edit: keepOcrCorrection sees whether it is the first.
      keepOcrCorrection(desk, record, parameter.specName, value, by).catch((e: unknown) =>
        showNotice(
          'warn',
          `Correction saved; its OCR ground truth was not kept: ${describeError(e).message}`,
        ),
      )
      setSecret('')
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
      <form
        className="qc-edit"
        aria-label={`Correct ${parameter.specName}`}
        noValidate
        onSubmit={(e) => void submit(e)}
      >
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
        {me && (
          <PasswordField
            label="PIN or passphrase"
            value={secret}
            onChange={setSecret}
            autoComplete="off"
            hint={`A correction is ${me}’s signature as reviewed: the desk checks ${me}’s PIN or passphrase and role (qc-technician or qc-reviewer), and the correction (the value as read, the new value and the reason) is chained into the tamper-evident audit trail under ${me}’s name.`}
          />
        )}
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
