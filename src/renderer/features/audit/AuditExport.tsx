import { useState, type FormEvent } from 'react'
import { describeError } from '../../bridge/errors'
import { useTenantDbStore, useTenantStore } from '../../state'
import { saveFile } from '../documents/save-file'
import { allAuditEntries, buildAuditExport, type AuditExportFormat } from './export'

/** For an auditor: the tenant's trail for a range of days, as CSV or JSON, with the chain hashes. */
export function AuditExport() {
  const handle = useTenantDbStore((s) => s.handle)
  const tenant = useTenantStore((s) => s.currentId)
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [format, setFormat] = useState<AuditExportFormat>('csv')
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!handle || !tenant) return
    setBusy(true)
    setMessage(null)
    try {
      const file = buildAuditExport(await allAuditEntries(handle), {
        tenant,
        range: { from: from || null, to: to || null },
        format,
        generatedAt: new Date().toISOString(),
      })
      saveFile(file.fileName, file.mediaType, file.body)
      setMessage({ ok: true, text: file.summary })
    } catch (e) {
      setMessage({ ok: false, text: describeError(e).message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form aria-label="Export the audit trail" className="audit-export" onSubmit={(e) => void submit(e)}>
      <label>
        From (day, UTC)
        <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label>
        To (day, UTC)
        <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      <fieldset>
        <legend>Format</legend>
        {(['csv', 'json'] as const).map((f) => (
          <label key={f}>
            <input type="radio" name="audit-format" checked={format === f} onChange={() => setFormat(f)} />{' '}
            {f.toUpperCase()}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={busy || !handle}>
        Export trail
      </button>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'muted' : 'inline-error'}>
          {message.text}
        </p>
      )}
    </form>
  )
}
