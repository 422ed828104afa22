import { useEffect, useState, type ChangeEvent, type FormEvent } from 'react'
import type { ProfileSummary, ProfileVersions } from '../../../../shared/contract'
import { describeError } from '../../../bridge/errors'
import { announce } from '../../../state'
import { useServices } from '../../services/context'

type Format = 'json' | 'yaml'

const MAX_PROFILE_BYTES = 8 * 1024 * 1024

/** The validator's messages start with the JSON path ("terms[0].weight: expected a number"). */
function errorsOf(error: unknown): string[] {
  const details = (error as { details?: { errors?: unknown } }).details
  if (Array.isArray(details?.errors)) return details.errors.map(String)
  return [describeError(error).message]
}

/** A save refused because the name exists: the current version the user would replace. */
function conflictOf(error: unknown): { name: string; version: number } | null {
  const { code, details } = error as { code?: unknown; details?: Record<string, unknown> }
  if (code !== 'CONFLICT' || details?.exists !== true) return null
  if (typeof details.name !== 'string' || typeof details.version !== 'number') return null
  return { name: details.name, version: details.version }
}

/** Errors about a loaded file name that file, not the desk's stand-in name ("profile.json: …"). */
function inFile(file: string | null, messages: string[]): string[] {
  if (!file) return messages
  return messages.map((m) => {
    const bare = m.replace(/^profile\.(json|yaml): /, '')
    return `${file}: ${bare}`
  })
}

const formatOfFile = (name: string): Format | null =>
  /\.ya?ml$/i.test(name) ? 'yaml' : /\.json$/i.test(name) ? 'json' : null

const when = (savedAt: string | null): string =>
  savedAt ? new Date(savedAt).toLocaleString() : 'saved before versions were kept'

/**
 * The tenant's screening profiles: list, add from JSON/YAML text or a file, remove. Saving over an
 * existing name asks first and keeps the previous version, which one click restores.
 */
export function ProfilesEditor() {
  const { desk } = useServices()
  const [profiles, setProfiles] = useState<ProfileSummary[] | null>(null)
  const [text, setText] = useState('')
  const [format, setFormat] = useState<Format>('json')
  /** The file the editor's text came from, named in errors. */
  const [file, setFile] = useState<string | null>(null)
  const [errors, setErrors] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  /** A save over an existing name, waiting for the user's answer. */
  const [confirm, setConfirm] = useState<{ name: string; version: number } | null>(null)
  /** The version the last replace superseded, restorable in one click. */
  const [undo, setUndo] = useState<{ name: string; version: number } | null>(null)
  const [history, setHistory] = useState<ProfileVersions | null>(null)

  useEffect(() => {
    let live = true
    desk.tenders['profiles.list']().then(
      (r) => live && setProfiles(r.profiles),
      (e: unknown) => live && setErrors(errorsOf(e)),
    )
    return () => {
      live = false
    }
  }, [desk])

  const saved = (summary: ProfileSummary): void => {
    setProfiles((p) => {
      const list = p ?? []
      return list.some((x) => x.name === summary.name)
        ? list.map((x) => (x.name === summary.name ? summary : x))
        : [...list, summary]
    })
    setHistory((h) => (h && h.name === summary.name ? null : h))
  }

  const submit = async (expectedVersion?: number): Promise<void> => {
    setBusy(true)
    setErrors([])
    try {
      const summary = await desk.tenders['profiles.save']({
        text,
        format,
        ...(expectedVersion !== undefined ? { expectedVersion } : {}),
      })
      saved(summary)
      setConfirm(null)
      setUndo(expectedVersion !== undefined ? { name: summary.name, version: expectedVersion } : null)
      setText('')
      setFile(null)
      announce(
        expectedVersion !== undefined
          ? `Profile ${summary.name} replaced (now version ${summary.version}); documents are screened again.`
          : `Profile ${summary.name} saved; documents are screened again.`,
      )
    } catch (e) {
      const conflict = expectedVersion === undefined ? conflictOf(e) : null
      if (conflict) setConfirm(conflict)
      else {
        setConfirm(null)
        setErrors(inFile(file, errorsOf(e)))
      }
    } finally {
      setBusy(false)
    }
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    void submit()
  }

  const restore = async (name: string, version: number): Promise<void> => {
    setBusy(true)
    setErrors([])
    try {
      const summary = await desk.tenders['profiles.restore']({ name, version })
      saved(summary)
      setUndo(null)
      announce(`Profile ${name}: version ${version} restored as version ${summary.version}.`)
    } catch (e) {
      setErrors(errorsOf(e))
    } finally {
      setBusy(false)
    }
  }

  const showVersions = async (name: string): Promise<void> => {
    if (history?.name === name) {
      setHistory(null)
      return
    }
    try {
      setHistory(await desk.tenders['profiles.versions']({ name }))
    } catch (e) {
      setErrors(errorsOf(e))
    }
  }

  const remove = async (name: string): Promise<void> => {
    try {
      await desk.tenders['profiles.remove']({ name })
      setProfiles((p) => (p ?? []).filter((x) => x.name !== name))
      setUndo((u) => (u?.name === name ? null : u))
      setHistory((h) => (h?.name === name ? null : h))
      announce(`Profile ${name} removed.`)
    } catch (e) {
      setErrors(errorsOf(e))
    }
  }

  const load = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const input = event.target
    const chosen = input.files?.[0]
    input.value = ''
    if (!chosen) return
    setErrors([])
    setConfirm(null)
    const fileFormat = formatOfFile(chosen.name)
    if (!fileFormat) {
      setErrors([`${chosen.name}: not a profile file (choose .json, .yaml or .yml)`])
      return
    }
    if (chosen.size > MAX_PROFILE_BYTES) {
      setErrors([`${chosen.name}: profile is larger than 8 MB`])
      return
    }
    try {
      const content = await readText(chosen)
      setText(content)
      setFormat(fileFormat)
      setFile(chosen.name)
      announce(`${chosen.name} loaded into the editor; save to keep it.`)
    } catch (e) {
      setErrors([`${chosen.name}: could not be read (${describeError(e).message})`])
    }
  }

  return (
    <section className="profiles-editor card" aria-labelledby="profiles-title">
      <h3 id="profiles-title">Screening profiles ({profiles?.length ?? '…'})</h3>
      {profiles && profiles.length > 0 && (
        <ul aria-label="Profiles">
          {profiles.map((p) => (
            <li key={p.name}>
              <strong>{p.name}</strong>
              {p.category ? ` (${p.category})` : ''} · version {p.version} · threshold {p.threshold} ·{' '}
              {p.terms} terms
              {p.exclusions > 0 ? `, ${p.exclusions} exclusions` : ''}{' '}
              <button
                type="button"
                className="link"
                onClick={() => {
                  setText(p.text)
                  setFormat(p.format)
                  setFile(null)
                }}
              >
                Edit {p.name}
              </button>{' '}
              <button
                type="button"
                className="link"
                aria-expanded={history?.name === p.name}
                onClick={() => void showVersions(p.name)}
              >
                Versions of {p.name}
              </button>{' '}
              <button type="button" className="link" onClick={() => void remove(p.name)}>
                Remove {p.name}
              </button>
              {history?.name === p.name && (
                <ol aria-label={`Versions of ${p.name}`} className="profile-versions">
                  {history.versions.map((v) => (
                    <li key={v.version}>
                      Version {v.version} · {when(v.savedAt)}
                      {v.restoredFrom !== undefined ? ` · restored from version ${v.restoredFrom}` : ''}
                      {v.version === history.current ? (
                        ' · current'
                      ) : (
                        <>
                          {' '}
                          <button
                            type="button"
                            className="link"
                            disabled={busy}
                            onClick={() => void restore(p.name, v.version)}
                          >
                            Restore version {v.version}
                          </button>
                        </>
                      )}
                    </li>
                  ))}
                </ol>
              )}
            </li>
          ))}
        </ul>
      )}
      {undo && (
        <p role="status">
          Profile {undo.name} replaced.{' '}
          <button type="button" disabled={busy} onClick={() => void restore(undo.name, undo.version)}>
            Undo — restore version {undo.version}
          </button>
        </p>
      )}
      <form aria-label="Add profile" onSubmit={onSubmit}>
        <label>
          Profile ({format.toUpperCase()}){file ? ` from ${file}` : ''}
          <textarea
            rows={6}
            value={text}
            onChange={(e) => {
              setText(e.target.value)
              setConfirm(null)
            }}
            aria-describedby="profile-example"
            spellCheck={false}
          />
        </label>
        {/* Shown, not a placeholder: the example stays readable while the analyst types. */}
        <p id="profile-example" className="muted">
          For example:{' '}
          <code>
            {'{ "name": "Insulation", "threshold": 5, "terms": [ { "term": "rock wool", "weight": 5 } ] }'}
          </code>
        </p>
        <label>
          Load from file…{' '}
          <input
            type="file"
            accept=".json,.yaml,.yml,application/json,application/yaml"
            onChange={(e) => void load(e)}
          />
        </label>
        <fieldset>
          <legend>Format</legend>
          {(['json', 'yaml'] as const).map((f) => (
            <label key={f}>
              <input
                type="radio"
                name="profile-format"
                checked={format === f}
                onChange={() => setFormat(f)}
              />{' '}
              {f.toUpperCase()}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={busy || confirm !== null || text.trim() === ''}>
          Save profile
        </button>
      </form>
      {confirm && (
        <div role="alertdialog" aria-labelledby="profile-replace-question" className="card">
          <p id="profile-replace-question">
            Replace profile {confirm.name} (version {confirm.version})? The previous version stays available.
          </p>
          <button type="button" disabled={busy} onClick={() => void submit(confirm.version)}>
            Replace
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => setConfirm(null)}>
            Cancel
          </button>
        </div>
      )}
      {errors.length > 0 && (
        <div role="alert" className="inline-error">
          <p>The profile was not saved{file ? ` (${file})` : ''}:</p>
          <ul className="profile-errors">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}

/** File.text() where the browser has it, FileReader otherwise. */
function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text()
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsText(file)
  })
}
