import { useState, type FormEvent } from 'react'
import { describeError } from '../../bridge/errors'
import type { CoaRecord, SignatureMeaning, Signer, TenantDb } from '../../db'
import { showNotice } from './qc-store'
import { signRecord } from './records'
import { PasswordField } from './PasswordField'

const MEANINGS: SignatureMeaning[] = ['reviewed', 'approved', 'rejected']

/** The electronic signature: the signer re-enters their PIN or password and says what it means. */
export function SignForm({ db, record, signers }: { db: TenantDb; record: CoaRecord; signers: Signer[] }) {
  const [signer, setSigner] = useState(signers[0]?.name ?? '')
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
      <PasswordField label="PIN or password" value={secret} onChange={setSecret} autoComplete="off" />
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
