import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { ROLES, type Role, type UserView } from '../../../shared/contract'
import { describeError } from '../../bridge/errors'
import { announce } from '../../state'
import { useServices } from '../services/context'
import { useSessionStore } from './session'

function AddUserForm({ onAdded }: { onAdded(): void }) {
  const { desk } = useServices()
  const [name, setName] = useState('')
  const [roles, setRoles] = useState<Role[]>([])
  const [secret, setSecret] = useState('')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (roles.length === 0) return setError('Choose at least one role.')
    try {
      const user = await desk.users.add({ name: name.trim(), roles, secret, reason })
      setName('')
      setRoles([])
      setSecret('')
      setReason('')
      setError(null)
      announce(`${user.name} added as ${user.roles.join(', ')}.`)
      onAdded()
    } catch (e) {
      setError(describeError(e).message)
    }
  }

  return (
    <form aria-label="Add a user" className="desk-user-form" noValidate onSubmit={(e) => void submit(e)}>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      </label>
      <fieldset>
        <legend>Roles</legend>
        {ROLES.map((role) => (
          <label key={role}>
            <input
              type="checkbox"
              checked={roles.includes(role)}
              onChange={(e) =>
                setRoles(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))
              }
            />
            {role}
          </label>
        ))}
      </fieldset>
      <label>
        Their PIN or passphrase
        <input
          type="password"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          autoComplete="new-password"
        />
      </label>
      <label>
        Reason
        <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit">Add user</button>
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
    </form>
  )
}

/** One user's row: what they may do, and the admin's unlock and disable, each with a reason. */
function UserRow({ user, onChanged }: { user: UserView; onChanged(): void }) {
  const { desk } = useServices()
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const act = async (run: () => Promise<UserView>, said: string) => {
    try {
      await run()
      setReason('')
      setError(null)
      announce(said)
      onChanged()
    } catch (e) {
      setError(describeError(e).message)
    }
  }
  const state = user.disabled ? 'disabled' : user.locked ? 'locked' : 'active'
  return (
    <tr>
      <th scope="row">{user.name}</th>
      <td>{user.roles.join(', ')}</td>
      <td>{state}</td>
      <td>
        <input
          aria-label={`Reason for changing ${user.name}`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        {user.locked && (
          <button
            type="button"
            onClick={() =>
              void act(() => desk.users.unlock({ userId: user.id, reason }), `${user.name} unlocked.`)
            }
          >
            Unlock {user.name}
          </button>
        )}
        <button
          type="button"
          onClick={() =>
            void act(
              () => desk.users.update({ userId: user.id, disabled: !user.disabled, reason }),
              `${user.name} ${user.disabled ? 'enabled' : 'disabled'}.`,
            )
          }
        >
          {user.disabled ? 'Enable' : 'Disable'} {user.name}
        </button>
        {error && (
          <p role="alert" className="inline-error">
            {error}
          </p>
        )}
      </td>
    </tr>
  )
}

/** Settings → Users: an admin adds, disables and unlocks people; every change needs a reason. */
export function UsersPanel() {
  const { desk } = useServices()
  const me = useSessionStore((s) => s.status?.user ?? null)
  const isAdmin = me?.roles.includes('admin') ?? false
  const [users, setUsers] = useState<UserView[]>([])
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(() => {
    desk.users.list().then(
      (r) => setUsers(r.users),
      (e: unknown) => setError(describeError(e).message),
    )
  }, [desk])
  useEffect(() => {
    if (isAdmin) load()
  }, [isAdmin, load])
  if (!isAdmin) return null
  return (
    <section aria-labelledby="users-title" className="card">
      <h2 id="users-title">Users</h2>
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
      <table aria-label="Users" className="data-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Roles</th>
            <th scope="col">State</th>
            <th scope="col">Change (with a reason)</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <UserRow key={u.id} user={u} onChanged={load} />
          ))}
        </tbody>
      </table>
      <AddUserForm onAdded={load} />
    </section>
  )
}
