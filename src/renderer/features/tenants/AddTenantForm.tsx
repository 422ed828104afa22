import { useId, useState, type FormEvent } from 'react'
import { formatZodIssues, tenantIdSchema } from '../../../shared/contract'
import { describeError } from '../../bridge/errors'
import { useServices } from '../services/context'
import { createTenant } from './load'

export function AddTenantForm() {
  const services = useServices()
  const [open, setOpen] = useState(false)
  const [id, setId] = useState('')
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const formId = useId()

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    // Checked here too so the user hears the rule before a round trip, in the same words.
    const parsed = tenantIdSchema.safeParse(id.trim())
    if (!parsed.success) return setError(formatZodIssues(parsed.error).replace(/^\(root\): /, ''))
    if (name.trim() === '') return setError('Give the tenant a name.')
    setBusy(true)
    setError(null)
    try {
      await createTenant(services, parsed.data, name.trim())
      setId('')
      setName('')
      setOpen(false)
    } catch (e) {
      setError(describeError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="add-tenant">
      <button type="button" aria-expanded={open} aria-controls={formId} onClick={() => setOpen(!open)}>
        Add tenant
      </button>
      {open && (
        <form
          id={formId}
          aria-label="Add tenant"
          className="header-popover add-tenant-form"
          onSubmit={(e) => void submit(e)}
        >
          <label>
            Tenant id
            <input
              value={id}
              onChange={(e) => setId(e.target.value)}
              placeholder="acme-foods"
              autoComplete="off"
              spellCheck={false}
            />
          </label>
          <label>
            Tenant name
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Acme Foods" />
          </label>
          <button type="submit" disabled={busy}>
            Create tenant
          </button>
          {error && (
            <p role="alert" className="inline-error">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  )
}
