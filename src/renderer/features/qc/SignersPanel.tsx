import { useState, type FormEvent } from 'react'
import { describeError } from '../../bridge/errors'
import type { Signer, TenantDb } from '../../db'
import { actorName, showNotice, useQcStore } from './qc-store'
import type { QcSettings } from './settings'
import { writeQcSettings } from './settings'
import { addSigner } from './signers'
import { PasswordField } from './PasswordField'

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
      if (!useQcStore.getState().technician) useQcStore.setState({ technician: signer.name })
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
      <section className="card" aria-labelledby="qc-signers-title">
        <h2 id="qc-signers-title">Signers</h2>
        {signers.length > 0 && (
          <ul aria-label="Signers">
            {signers.map((s) => (
              <li key={s.id}>
                {s.name} <span className="muted">(added {s.createdAt.slice(0, 10)})</span>
              </li>
            ))}
          </ul>
        )}
        <form aria-label="Add a signer" onSubmit={(e) => void submit(e)}>
          <label>
            Name
            <input value={name} onChange={(e) => setName(e.target.value)} required />
          </label>
          <PasswordField
            label="PIN or password"
            value={secret}
            onChange={setSecret}
            autoComplete="new-password"
          />
          <PasswordField label="Repeat it" value={again} onChange={setAgain} autoComplete="new-password" />
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
