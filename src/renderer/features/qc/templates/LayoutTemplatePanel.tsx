import { useState, type FormEvent } from 'react'
import type { ColumnRole } from '../../../../shared/qc'
import { describeError } from '../../../bridge/errors'
import type { CoaRecord, TenantDb } from '../../../db'
import { useServices } from '../../services/context'
import { actorName, showNotice } from '../qc-store'
import { useLive } from '../use-qc-db'
import { forgetTemplate, learnFromRecord, matchingTemplate, recheck } from './layout-templates'

const ROLE_TEXT: Record<ColumnRole, string> = {
  name: 'Parameter',
  method: 'Method',
  unit: 'Unit',
  min: 'Min',
  max: 'Max',
  spec: 'Specification / limit',
  result: 'Result',
  other: 'Not used',
}
const ROLES = Object.keys(ROLE_TEXT) as ColumnRole[]
const isRole = (role: string): role is ColumnRole => role in ROLE_TEXT

const when = (iso: string) => new Date(iso).toLocaleDateString()

/**
 * The supplier's learned layout on the review screen: which template the COA was read with (or a
 * way to read it with one it was read without), forgetting it, and teaching it by saying what each
 * column of the results table is. Teaching reads the COA again with the new template at once.
 */
export function LayoutTemplatePanel({ db, record }: { db: TenantDb; record: CoaRecord }) {
  const { desk } = useServices()
  const rows = useLive(db, (d) => d.layoutTemplates.toArray(), [])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [roles, setRoles] = useState<Map<number, ColumnRole>>(new Map())
  /** Specification row → the COA row name the technician says it is. */
  const [mapped, setMapped] = useState<Map<string, string>>(new Map())
  const report = record.report
  const table = report?.extraction.tables[0]
  if (!report || !rows) return null
  const closed = record.status === 'approved' || record.status === 'rejected'
  const coaNames = [...new Set(report.rows.flatMap((r) => (r.cells.name ? [r.cells.name.text] : [])))]
  const used = report.template
  const matching = matchingTemplate(
    report,
    rows.map((r) => r.template),
  )

  const run = async (step: () => Promise<unknown>, done: string) => {
    setBusy(true)
    setError(null)
    try {
      await step()
      showNotice('info', done)
    } catch (e) {
      setError(describeError(e).message)
    } finally {
      setBusy(false)
    }
  }

  const teach = (event: FormEvent) => {
    event.preventDefault()
    if (roles.size === 0 && mapped.size === 0)
      return setError('Say what at least one column is, or which COA row a parameter is.')
    const parameters = [...mapped].map(([specName, coaName]) => ({ coaName, specName }))
    void run(
      async () => {
        await learnFromRecord(db, record, { roles, parameters }, actorName())
        setRoles(new Map())
        setMapped(new Map())
        await recheck(desk, db, record, true, actorName())
      },
      `Layout kept for ${report.supplier ?? 'this supplier'}; the COA was read again with it.`,
    )
  }

  return (
    <section className="card qc-layout" aria-labelledby="qc-layout-title">
      <h3 id="qc-layout-title">Supplier layout</h3>
      {used ? (
        <>
          <p className="qc-template-used">
            Read with the template learned from batch {used.batch}, {when(used.learnedAt)}
          </p>
          {used.changes.length > 0 && (
            <ul aria-label="What the template changed">
              {used.changes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          )}
        </>
      ) : matching ? (
        <p>
          Read without the template learned from batch {matching.learnedFrom.batch},{' '}
          {when(matching.learnedAt)}.
        </p>
      ) : (
        <p className="muted">No layout learned for {report.supplier ?? 'this supplier'} yet.</p>
      )}
      <div className="qc-layout-actions">
        {!closed && used && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(() => recheck(desk, db, record, false, actorName()), 'Read without the template.')
            }
          >
            Read without the template
          </button>
        )}
        {!closed && !used && matching && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(() => recheck(desk, db, record, true, actorName()), 'Read with the template.')
            }
          >
            Read with the template
          </button>
        )}
        {matching && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await forgetTemplate(db, matching.id, actorName())
                if (used && !closed) await recheck(desk, db, record, false, actorName())
              }, `Template for ${matching.supplier} forgotten.`)
            }
          >
            Forget the template
          </button>
        )}
      </div>
      {!closed && table && (
        <form aria-label="Fix how the table was read" onSubmit={teach}>
          <p>
            Wrong column read? Say what each column is; the desk keeps this layout for{' '}
            {report.supplier ?? 'the supplier (none was read)'} and reads its next COAs with it.
          </p>
          {table.columns.map((c, i) => {
            const current = roles.get(i) ?? (isRole(c.role) ? c.role : 'other')
            return (
              <label key={`${i}-${c.label}`}>
                Column “{c.label}”
                <select
                  value={current}
                  onChange={(e) => {
                    const role = e.target.value
                    if (!isRole(role)) return
                    setRoles((m) => new Map(m).set(i, role))
                  }}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_TEXT[r]}
                    </option>
                  ))}
                </select>
              </label>
            )
          })}
          {report.parameters.length > 0 && coaNames.length > 0 && (
            <fieldset>
              <legend>Which COA row is each specification parameter</legend>
              {report.parameters.map((p) => (
                <label key={p.specName}>
                  {p.specName}
                  <select
                    value={mapped.get(p.specName) ?? (coaNames.includes(p.name) ? p.name : '')}
                    onChange={(e) => setMapped((m) => new Map(m).set(p.specName, e.target.value))}
                  >
                    <option value="" disabled>
                      not found on the COA
                    </option>
                    {coaNames.map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </fieldset>
          )}
          <button type="submit" disabled={busy || (roles.size === 0 && mapped.size === 0)}>
            Keep this layout and read again
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  )
}
