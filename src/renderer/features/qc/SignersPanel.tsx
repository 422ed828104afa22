import type { UserView } from '../../../shared/contract'
import { SIGNING_ROLES } from '../../../shared/users'
import type { TenantDb } from '../../db'
import { actorName } from './qc-store'
import type { QcSettings } from './settings'
import { writeQcSettings } from './settings'
import { OcrAccuracyCard } from './OcrAccuracyCard'
import { NO_SIGNERS } from './SignForm'

/** What a desk user may sign, in words, from the desk's own signing roles. */
function mayDo(user: UserView): string {
  const meanings = (Object.keys(SIGNING_ROLES) as (keyof typeof SIGNING_ROLES)[]).filter((m) =>
    user.roles.some((r) => SIGNING_ROLES[m].includes(r)),
  )
  return meanings.join(', ')
}

/**
 * The desk users who can sign, and the tenant's second-person verification setting. Signers are
 * the desk's users with a QC role: nobody adds one here, so the desk's roles and lockout apply.
 */
export function SignersPanel({
  db,
  signers,
  settings,
}: {
  db: TenantDb
  signers: UserView[]
  settings: QcSettings
}) {
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
          Signers are the desk users with the qc-technician role (who sign records as reviewed and correct
          values) or the qc-reviewer role (who also approve or reject a batch, never their own work). Each
          signs with their own PIN or passphrase, checked by the desk, which locks them after too many wrong
          tries. An admin adds people and gives them roles under Settings → Users.
        </p>
        {signers.length === 0 ? (
          <p className="muted">{NO_SIGNERS}</p>
        ) : (
          <ul aria-label="Signers">
            {signers.map((s) => (
              <li key={s.id}>
                {s.name}{' '}
                <span className="muted">
                  ({s.roles.join(', ')}: may sign {mayDo(s)})
                </span>
                {s.locked && <strong> — locked; an admin must unlock</strong>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
