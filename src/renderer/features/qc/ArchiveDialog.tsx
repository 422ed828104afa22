import { useState, type FormEvent } from 'react'
import { describeError } from '../../bridge/errors'
import type { CoaRecord } from '../../db'
import { useSessionStore } from '../identity/session'
import { useServices } from '../services/context'
import { setArchived } from './archive'
import { deskVerifier, useDeskSigners } from './desk-signers'
import { PasswordField } from './PasswordField'
import { NO_SIGNERS } from './SignForm'
import { useQcDb } from './use-qc-db'

/**
 * Archive or restore one record: a desk user who can sign, their PIN or passphrase, and the reason,
 * all required.
 * Opened beside the record's row, so it is where the user is.
 */
export function ArchiveDialog({ record, onClose }: { record: CoaRecord; onClose(done?: string): void }) {
  const db = useQcDb()
  const { desk } = useServices()
  const { signers } = useDeskSigners()
  const archive = !record.archived
  const verb = archive ? 'Archive' : 'Restore'
  const [signer, setSigner] = useState('')
  const [secret, setSecret] = useState('')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const titleId = `archive-title-${record.id}`
  // The signed-in person signs unless they choose another signer.
  const me = useSessionStore((s) => s.status?.user?.name ?? null)
  const who = signer || signers?.find((s) => s.name === me)?.name || signers?.[0]?.name || ''

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!db) return
    setBusy(true)
    setError(null)
    try {
      await setArchived(db, record, archive, { signer: who, secret, reason }, deskVerifier(desk))
      onClose(`Batch ${record.batch} ${archive ? 'archived' : 'restored'}.`)
    } catch (e) {
      setError(describeError(e).message)
      setBusy(false)
    }
  }

  return (
    <form
      role="dialog"
      aria-labelledby={titleId}
      className="card qc-archive"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose()
      }}
    >
      <h3 id={titleId}>
        {verb} batch {record.batch}
      </h3>
      <p className="muted">
        {archive
          ? 'An archived record is hidden from the list and from scans, never erased: its audit entries stay, and it can be restored.'
          : 'The record comes back to the list and to scans of its batch.'}{' '}
        Only a desk user who can sign QC work may {archive ? 'archive' : 'restore'} it; the step is recorded
        in the audit trail with who did it and why.
      </p>
      {signers && signers.length === 0 ? (
        <p role="alert" className="inline-error">
          {NO_SIGNERS}
        </p>
      ) : (
        <>
          <label>
            Signer
            <select value={who} onChange={(e) => setSigner(e.target.value)} autoFocus>
              {(signers ?? []).map((s) => (
                <option key={s.id} value={s.name}>
                  {s.name}
                  {s.locked ? ' (locked)' : ''}
                </option>
              ))}
            </select>
          </label>
          <PasswordField
            label="PIN or passphrase"
            value={secret}
            onChange={setSecret}
            autoComplete="off"
            hint={`${archive ? 'Archiving' : 'Restoring'} is signed: the desk checks ${who || 'the signer'}’s PIN or passphrase and QC role, and the step, with the reason, is chained into the tamper-evident audit trail (the record and its history are kept).`}
          />
          <label>
            Reason
            <input value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} />
          </label>
        </>
      )}
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy || !who}>
        {busy ? `${verb === 'Archive' ? 'Archiving' : 'Restoring'}…` : `${verb} record`}
      </button>{' '}
      <button type="button" onClick={() => onClose()}>
        Cancel
      </button>
    </form>
  )
}
