import { useState, type FormEvent } from 'react'
import { describeError } from '../../bridge/errors'
import { useDeskUserStore } from '../../state'
import type { CoaRecord, SignatureMeaning, Signer, TenantDb } from '../../db'
import { useServices } from '../services/context'
import { confirmOcrValues } from './ocr-truth'
import { showNotice } from './qc-store'
import { signRecord } from './records'
import { PasswordField } from './PasswordField'

const MEANINGS: SignatureMeaning[] = ['reviewed', 'approved', 'rejected']

/** The electronic signature: the signer re-enters their PIN or password and says what it means. */
export function SignForm({ db, record, signers }: { db: TenantDb; record: CoaRecord; signers: Signer[] }) {
  // The person at this desk signs unless they choose another signer (a second person may sign here).
  const { desk } = useServices()
  const atDesk = useDeskUserStore((s) => s.name)
  const [signer, setSigner] = useState(signers.find((s) => s.name === atDesk)?.name ?? signers[0]?.name ?? '')
  const [meaning, setMeaning] = useState<SignatureMeaning>('reviewed')
  const [secret, setSecret] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const chosen = signer || signers[0]?.name || ''

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const { record: saved, note } = await signRecord(db, record, { signer: chosen, meaning, secret })
      setSecret('')
      // Values signed off as read count as reviewed OCR (best effort: the signature already stands).
      confirmOcrValues(desk, saved).catch(() => undefined)
      showNotice(
        note ? 'warn' : 'info',
        note ?? `Signed by ${chosen} as ${meaning}; the record is ${saved.status}.`,
      )
    } catch (e) {
      setError(describeError(e).message)
    } finally {
      setBusy(false)
    }
  }

  if (signers.length === 0)
    return <p className="muted">Add a signer under “Signers &amp; settings” to sign this record.</p>
  return (
    <form className="qc-sign" aria-label="Sign this record" onSubmit={(e) => void submit(e)}>
      <label>
        Signer
        <select value={chosen} onChange={(e) => setSigner(e.target.value)}>
          {signers.map((s) => (
            <option key={s.id} value={s.name}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Meaning</legend>
        {MEANINGS.map((m) => (
          <label key={m}>
            <input
              type="radio"
              name="meaning"
              value={m}
              checked={meaning === m}
              onChange={() => setMeaning(m)}
            />{' '}
            {m}
          </label>
        ))}
      </fieldset>
      <PasswordField
        label="PIN or password"
        value={secret}
        onChange={setSecret}
        autoComplete="off"
        hint={`Signing is ${chosen}’s electronic signature: their name, the meaning chosen above and the time go on this record, which closes once it is approved or rejected. The PIN or password is checked against ${chosen}’s signer record, and the signature is chained into the tamper-evident audit trail.`}
      />
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Checking…' : 'Sign'}
      </button>
    </form>
  )
}
