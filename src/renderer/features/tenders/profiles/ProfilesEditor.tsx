import { useEffect, useState, type FormEvent } from 'react'
import type { ProfileSummary } from '../../../../shared/contract'
import { describeError } from '../../../bridge/errors'
import { announce } from '../../../state'
import { useServices } from '../../services/context'

/** The validator's messages start with the JSON path ("terms[0].weight: expected a number"). */
function errorsOf(error: unknown): string[] {
  const details = (error as { details?: { errors?: unknown } }).details
  if (Array.isArray(details?.errors)) return details.errors.map(String)
  return [describeError(error).message]
}

/** The tenant's screening profiles: list, add or replace from JSON/YAML text, remove. */
export function ProfilesEditor() {
  const { desk } = useServices()
  const [profiles, setProfiles] = useState<ProfileSummary[] | null>(null)
  const [text, setText] = useState('')
  const [format, setFormat] = useState<'json' | 'yaml'>('json')
  const [errors, setErrors] = useState<string[]>([])
  const [busy, setBusy] = useState(false)

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

  const save = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    setBusy(true)
    setErrors([])
    try {
      const saved = await desk.tenders['profiles.save']({ text, format })
      setProfiles((p) => [...(p ?? []).filter((x) => x.name !== saved.name), saved])
      setText('')
      announce(`Profile ${saved.name} saved; documents are screened again.`)
    } catch (e) {
      setErrors(errorsOf(e))
    } finally {
      setBusy(false)
    }
  }

  const remove = async (name: string): Promise<void> => {
    try {
      await desk.tenders['profiles.remove']({ name })
      setProfiles((p) => (p ?? []).filter((x) => x.name !== name))
      announce(`Profile ${name} removed.`)
    } catch (e) {
      setErrors(errorsOf(e))
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
              {p.category ? ` (${p.category})` : ''} · threshold {p.threshold} · {p.terms} terms
              {p.exclusions > 0 ? `, ${p.exclusions} exclusions` : ''}{' '}
              <button type="button" className="link" onClick={() => setText(p.text)}>
                Edit {p.name}
              </button>{' '}
              <button type="button" className="link" onClick={() => void remove(p.name)}>
                Remove {p.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form aria-label="Add profile" onSubmit={(e) => void save(e)}>
        <label>
          Profile ({format.toUpperCase()})
          <textarea
            rows={6}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder='{ "name": "Insulation", "threshold": 5, "terms": [ { "term": "rock wool", "weight": 5 } ] }'
            spellCheck={false}
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
        <button type="submit" disabled={busy || text.trim() === ''}>
          Save profile
        </button>
      </form>
      {errors.length > 0 && (
        <div role="alert" className="inline-error">
          <p>The profile was not saved:</p>
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
