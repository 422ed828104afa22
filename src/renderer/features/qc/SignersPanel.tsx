import { useState, type FormEvent } from 'react'
import { describeError } from '../../bridge/errors'
import type { Signer, TenantDb } from '../../db'
import { actorName, showNotice } from './qc-store'
import type { QcSettings } from './settings'
import { writeQcSettings } from './settings'
import { addSigner } from './signers'
import { MIN_SECRET_LENGTH } from './pin-hash'
import { PasswordField } from './PasswordField'
import { OcrAccuracyCard } from './OcrAccuracyCard'
import { useSessionStore } from '../identity/session'

/** Technicians who sign, and the tenant's second-person verification setting. */
export function SignersPanel({
  db,
  signers,
  settings,
}: {
  db: TenantDb
  signers: Signer[]
  settings: QcSettings
}) {
  const [name, setName] = useState('')
  const [secret, setSecret] = useState('')
  const [again, setAgain] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // Only an admin adds signers (Part 11: who may sign is decided by the desk's administrator).
  const isAdmin = useSessionStore((s) => s.status?.user?.roles.includes('admin') ?? false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (secret !== again) return setError('The two PINs or passwords differ.')
    setBusy(true)
    try {
      const signer = await addSigner(db, name, secret)
      setName('')
      setSecret('')
      setAgain('')
      setError(null)
      showNotice('info', `${signer.name} can now sign.`)
    } catch (e) {
      setError(describeError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <section className="card" aria-labelledby="qc-settings-title">
        <h2 id="qc-settings-title">Settings</h2>
        <label>
          <input
            type="checkbox"
            checked={settings.secondPerson}
            onChange={(e) => void writeQcSettings(db, { secondPerson: e.target.checked }, actorName())}
          />{' '}
          Second-person verification (whoever corrected values cannot be the only approver)
        </label>
      </section>
      <OcrAccuracyCard />
      <section className="card" aria-labelledby="qc-signers-title">
        <h2 id="qc-signers-title">Signers</h2>
        <p className="muted">
          Signers are the people who may sign COA records (reviewed, approved or rejected). Each has a PIN or
          password that they type to sign; once the lab has a signer, correcting a value is signed the same
          way. Work is credited to the signer whose name matches “Who is at this desk”.
        </p>
        {signers.length > 0 && (
          <ul aria-label="Signers">
            {signers.map((s) => (
              <li key={s.id}>
                {s.name} <span className="muted">(added {s.createdAt.slice(0, 10)})</span>
              </li>
            ))}
          </ul>
        )}
        {!isAdmin && <p className="muted">Only an admin of this desk adds signers.</p>}
        <form aria-label="Add a signer" onSubmit={(e) => void submit(e)} hidden={!isAdmin}>
          <label>
            Name
            <input value={name} onChange={(e) => setName(e.target.value)} required />
          </label>
          <PasswordField
            label="PIN or password"
            value={secret}
            onChange={setSecret}
            autoComplete="new-password"
            hint={`What ${name.trim() || 'the signer'} will type to sign a record or correct a value (at least ${MIN_SECRET_LENGTH} characters). Only a salted hash is kept; every signature is checked against this signer record and chained into the audit trail.`}
          />
          <PasswordField
            label="Repeat it"
            value={again}
            onChange={setAgain}
            autoComplete="new-password"
            hint="The same PIN or password again, so a slip of the finger does not become the signer's PIN."
          />
          {error && (
            <p role="alert" className="inline-error">
              {error}
            </p>
          )}
          <button type="submit" disabled={busy}>
            {busy ? 'Adding…' : 'Add signer'}
          </button>
        </form>
      </section>
    </>
  )
}
