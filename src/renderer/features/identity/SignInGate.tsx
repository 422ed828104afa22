import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { describeError } from '../../bridge/errors'
import { announce } from '../../state'
import { useServices } from '../services/context'
import { setSession, storedResumeToken, useSessionStore } from './session'
import './identity.css'

/** How often the window asks whether the desk has locked it (idle time, an admin's disable). */
const STATUS_POLL_MS = 30_000

function SignInForm({ firstAdmin }: { firstAdmin: boolean }) {
  const { desk } = useServices()
  const [name, setName] = useState('')
  const [secret, setSecret] = useState('')
  const [repeat, setRepeat] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const title = firstAdmin ? 'Create the first admin' : 'Sign in'

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (name.trim() === '') return setError('Enter your name.')
    if (secret === '') return setError('Enter your PIN or passphrase.')
    if (firstAdmin && secret !== repeat) return setError('The two entries differ.')
    setBusy(true)
    setError(null)
    try {
      const request = { name: name.trim(), secret }
      const status = firstAdmin ? await desk.users.setup(request) : await desk.users.signIn(request)
      setSecret('')
      setRepeat('')
      setSession(status)
      announce(`Signed in as ${status.user?.name ?? name.trim()}.`)
    } catch (e) {
      setError(describeError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Pebble Desk — {title}</h1>
      {firstAdmin && (
        <p className="muted">
          This desk has no users yet. The first person becomes its admin, who adds everyone else with their
          roles. Use a PIN of at least 6 digits (not a run like 123456) or a passphrase of at least 12
          characters.
        </p>
      )}
      <form aria-label={title} className="desk-user-form" noValidate onSubmit={(e) => void submit(e)}>
        <label>
          Your name
          <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="username" autoFocus />
        </label>
        <label>
          PIN or passphrase
          <input
            type="password"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            autoComplete={firstAdmin ? 'new-password' : 'current-password'}
          />
        </label>
        {firstAdmin && (
          <label>
            Repeat it
            <input
              type="password"
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
              autoComplete="new-password"
            />
          </label>
        )}
        <button type="submit" disabled={busy}>
          {firstAdmin ? 'Create admin and sign in' : 'Sign in'}
        </button>
        {error && (
          <p role="alert" className="inline-error">
            {error}
          </p>
        )}
      </form>
    </main>
  )
}

/**
 * Shows the desk only to a signed-in person: the first start asks for the first admin, a locked or
 * signed-out window asks to sign in. The desk refuses calls by itself; this keeps the UI honest.
 */
export function SignInGate({ children }: { children: ReactNode }) {
  const { desk } = useServices()
  const status = useSessionStore((s) => s.status)
  const error = useSessionStore((s) => s.error)

  useEffect(() => {
    let alive = true
    // A reload opens a new connection: this tab's resume token takes its sign-in back.
    const resume = async () => {
      const token = storedResumeToken()
      const now = await desk.users.status()
      if (now.user || !token) return now
      return desk.users.resume({ token }).catch(() => now)
    }
    const check = (first: boolean) =>
      (first ? resume() : desk.users.status())
        .then((next) => alive && setSession(next))
        .catch((e: unknown) => alive && useSessionStore.setState({ error: describeError(e).message }))
    void check(true)
    const timer = setInterval(() => void check(false), STATUS_POLL_MS)
    return () => {
      alive = false
      clearInterval(timer)
    }
  }, [desk])

  if (!status)
    return (
      <p className="sign-in muted" role={error ? 'alert' : 'status'}>
        {error ?? 'Connecting to the desk…'}
      </p>
    )
  if (!status.user) return <SignInForm firstAdmin={status.setupNeeded} />
  return <>{children}</>
}

/** The header's signed-in person with Sign out (which is also how a desk is locked before leaving it). */
export function SignedInControl() {
  const { desk } = useServices()
  const user = useSessionStore((s) => s.status?.user ?? null)
  if (!user) return null
  const signOut = async () => {
    setSession(await desk.users.signOut())
    announce('Signed out.')
  }
  return (
    <div className="signed-in">
      <span>
        Signed in: <strong>{user.name}</strong> <span className="muted">({user.roles.join(', ')})</span>
      </span>
      <button type="button" onClick={() => void signOut()}>
        Sign out
      </button>
    </div>
  )
}
