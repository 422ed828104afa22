import { useState, type FormEvent } from 'react'
import type { UserView } from '../../../shared/contract'
import { describeError } from '../../bridge/errors'
import type { CoaRecord, SignatureMeaning, TenantDb } from '../../db'
import { useSessionStore } from '../identity/session'
import { useServices } from '../services/context'
import { deskVerifier } from './desk-signers'
import { confirmOcrValues } from './ocr-truth'
import { showNotice } from './qc-store'
import { signRecord } from './records'
import { PasswordField } from './PasswordField'

const MEANINGS: SignatureMeaning[] = ['reviewed', 'approved', 'rejected']

export const NO_SIGNERS =
  'Nobody at this desk can sign yet: an admin gives people the qc-technician or qc-reviewer role under Settings → Users.'

/**
 * The electronic signature: a desk user who can sign re-enters their PIN or passphrase and says
 * what it means. The desk checks it (role, second person, lockout); its refusal is shown here.
 */
export function SignForm({ db, record, signers }: { db: TenantDb; record: CoaRecord; signers: UserView[] }) {
  // The signed-in person signs unless they choose another signer (a second person may sign here).
  const { desk } = useServices()
  const me = useSessionStore((s) => s.status?.user?.name ?? null)
  const [signer, setSigner] = useState(signers.find((s) => s.name === me)?.name ?? signers[0]?.name ?? '')
  const [meaning, setMeaning] = useState<SignatureMeaning>('reviewed')
  const [secret, setSecret] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const chosen = signer || signers[0]?.name || ''

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (secret === '') return setError(`Enter ${chosen}’s PIN or passphrase to sign.`)
    setBusy(true)
    setError(null)
    try {
      const { record: saved, note } = await signRecord(
        db,
        record,
        { signer: chosen, meaning, secret },
        deskVerifier(desk),
      )
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

  if (signers.length === 0) return <p className="muted">{NO_SIGNERS}</p>
  return (
    <form className="qc-sign" aria-label="Sign this record" onSubmit={(e) => void submit(e)}>
      <label>
        Signer
        <select value={chosen} onChange={(e) => setSigner(e.target.value)}>
          {signers.map((s) => (
            <option key={s.id} value={s.name}>
              {s.name}
              {s.locked ? ' (locked)' : ''}
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
        label="PIN or passphrase"
        value={secret}
        onChange={setSecret}
        autoComplete="off"
        hint={`Signing is ${chosen}’s electronic signature: their name, the meaning chosen above and the time go on this record, which closes once it is approved or rejected. The desk checks ${chosen}’s PIN or passphrase and role (approving or rejecting needs a qc-reviewer other than whoever did the work), and the signature is chained into the tamper-evident audit trail.`}
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
