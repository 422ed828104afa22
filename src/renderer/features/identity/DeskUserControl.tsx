import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { describeError } from '../../bridge/errors'
import { announce, useDeskUserStore } from '../../state'
import { useServices } from '../services/context'
import { chooseDeskUser } from './load'
import './identity.css'

export const DESK_USER_EXPLAINED =
  'Every decision, correction, check and scan link made here is credited to this person by name, in the record and in the audit trail. Signing a COA record or correcting a value also asks for the signer’s own PIN or passphrase, which the desk checks.'

/** The desk's users by name, to offer as the person at this desk. */
function useDeskUserNames(): string[] {
  const { desk } = useServices()
  const [names, setNames] = useState<string[]>([])
  useEffect(() => {
    let alive = true
    desk.users
      .list()
      .then(({ users }) => {
        if (alive) setNames(users.filter((u) => !u.disabled).map((u) => u.name))
      })
      // Offering names is a convenience (users.list needs a QC or admin role): the field takes any name.
      .catch(() => undefined)
    return () => {
      alive = false
    }
  }, [desk])
  return names
}

/** The name field with the desk's users offered, and Save. */
function DeskUserForm({
  onSaved,
  label,
  autoFocus = false,
}: {
  onSaved?: () => void
  label: string
  autoFocus?: boolean
}) {
  const services = useServices()
  const current = useDeskUserStore((s) => s.name)
  const offered = useDeskUserNames()
  const [name, setName] = useState(current ?? '')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const listId = useId()

  useEffect(() => {
    if (autoFocus) input.current?.focus()
  }, [autoFocus])

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (name.trim() === '') return setError('Enter your name.')
    setBusy(true)
    setError(null)
    try {
      const saved = await chooseDeskUser(services, name)
      announce(`${saved} is at this desk; work here is credited to ${saved}.`)
      onSaved?.()
    } catch (e) {
      setError(describeError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form aria-label={label} className="desk-user-form" noValidate onSubmit={(e) => void submit(e)}>
      <label>
        Your name
        <input
          ref={input}
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="name"
          list={offered.length > 0 ? listId : undefined}
        />
      </label>
      {offered.length > 0 && (
        <datalist id={listId}>
          {offered.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      )}
      <button type="submit" disabled={busy}>
        Save
      </button>
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
    </form>
  )
}

/** The header's "Who is at this desk": the current person, and a small form to change it. */
export function DeskUserControl() {
  const name = useDeskUserStore((s) => s.name)
  const loaded = useDeskUserStore((s) => s.loaded)
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const panelId = useId()

  const close = () => {
    setOpen(false)
    button.current?.focus()
  }

  return (
    <div
      className="desk-user"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault()
          close()
        }
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        className={name || !loaded ? undefined : 'desk-user-missing'}
        onClick={() => setOpen(!open)}
      >
        Who is at this desk: {name ?? (loaded ? 'nobody yet' : '…')}
      </button>
      {open && (
        <div id={panelId} className="header-popover desk-user-panel">
          <p className="muted">{DESK_USER_EXPLAINED}</p>
          <DeskUserForm label="Who is at this desk" onSaved={close} autoFocus />
        </div>
      )}
    </div>
  )
}

/** The same choice on the Settings page, with what it means. */
export function DeskUserSettings() {
  const name = useDeskUserStore((s) => s.name)
  return (
    <section aria-labelledby="desk-user-title" className="card">
      <h2 id="desk-user-title">Who is at this desk</h2>
      <p>
        {name ? (
          <>
            Work here is credited to <strong>{name}</strong>.
          </>
        ) : (
          'Nobody has said who is at this desk yet: decisions and corrections cannot be recorded until someone does.'
        )}
      </p>
      <p className="muted">{DESK_USER_EXPLAINED}</p>
      <DeskUserForm key={name ?? ''} label="Who is at this desk (settings)" />
    </section>
  )
}
