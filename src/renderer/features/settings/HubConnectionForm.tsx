import { useEffect, useState, type FormEvent } from 'react'
import { formatZodIssues, syncCredentialsSchema, type HostKind } from '../../../shared/contract'
import { describeError } from '../../bridge/errors'
import { credentialsChanged } from '../../state'
import { useServices } from '../services/context'
import { needsReload, noteOriginAtLoad } from '../sync/hub-origin'
import '../sync/sync.css'

const STORAGE_TEXT: Record<HostKind, string> = {
  electron: "The token is kept encrypted on this computer with the operating system's keychain.",
  browser:
    'In the browser the token is kept only in the memory of the running pebble-desk serve process: it is not written to disk, and must be entered again after that process restarts.',
  cli: 'From the command line the token is kept only in memory, for this run.',
}

/** Hub URL, desk id and token of the tenant on screen; Save hands them to the sync worker. */
export function HubConnectionForm({ tenantId, host }: { tenantId: string; host: HostKind }) {
  const { desk } = useServices()
  const [hubUrl, setHubUrl] = useState('')
  const [deskId, setDeskId] = useState('')
  const [token, setToken] = useState('')
  const [saved, setSaved] = useState(false)
  const [busy, setBusy] = useState(true)
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    desk.sync['credentials.get']().then(
      (current) => {
        if (!live) return
        noteOriginAtLoad(tenantId, current?.hubUrl ?? null)
        setHubUrl(current?.hubUrl ?? '')
        setDeskId(current?.deskId ?? '')
        setToken(current?.token ?? '')
        setSaved(current !== null)
        setBusy(false)
      },
      (e: unknown) => {
        if (!live) return
        setError(describeError(e).message)
        setBusy(false)
      },
    )
    return () => {
      live = false
    }
  }, [desk, tenantId])

  const save = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    setMessage(null)
    // Checked here too, so the user reads the rule before a round trip, in the same words.
    const parsed = syncCredentialsSchema.safeParse({ hubUrl: hubUrl.trim(), deskId: deskId.trim(), token })
    if (!parsed.success) return setError(formatZodIssues(parsed.error))
    setBusy(true)
    setError(null)
    try {
      const result = await desk.sync['credentials.set'](parsed.data)
      setHubUrl(result.hubUrl)
      setSaved(true)
      const reload = needsReload(tenantId, result.hubUrl)
      credentialsChanged(reload)
      setMessage(
        result.storage === 'encrypted'
          ? 'Saved. The token is stored encrypted.'
          : 'Saved. The token is held in memory only.',
      )
    } catch (e) {
      setError(describeError(e).message)
    } finally {
      setBusy(false)
    }
  }

  const forget = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      await desk.sync['credentials.clear']()
      setHubUrl('')
      setDeskId('')
      setToken('')
      setSaved(false)
      credentialsChanged(false)
      setMessage('Forgotten. This desk no longer syncs this tenant.')
    } catch (e) {
      setError(describeError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="hub-title" className="card">
      <h2 id="hub-title">Hub connection</h2>
      <p className="muted">
        Where this tenant&apos;s records are sent. The desk id and token come from the hub administrator (
        <code>npm run hub -- create-desk</code>).
      </p>
      <p id="hub-token-storage">{STORAGE_TEXT[host]}</p>
      <form aria-label="Hub connection" className="hub-form" noValidate onSubmit={(e) => void save(e)}>
        <label>
          Hub URL
          <input
            type="url"
            value={hubUrl}
            onChange={(e) => setHubUrl(e.target.value)}
            placeholder="https://hub.example.com"
            autoComplete="off"
            spellCheck={false}
            required
          />
        </label>
        <label>
          Desk id
          <input
            value={deskId}
            onChange={(e) => setDeskId(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            required
          />
        </label>
        <label>
          Desk token
          <input
            type="password"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            autoComplete="off"
            aria-describedby="hub-token-storage"
            required
          />
        </label>
        <div className="sync-actions">
          <button type="submit" disabled={busy}>
            Save
          </button>
          <button type="button" disabled={busy || !saved} onClick={() => void forget()}>
            Forget
          </button>
        </div>
      </form>
      {message && (
        <p role="status" className="muted">
          {message}
        </p>
      )}
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
    </section>
  )
}
