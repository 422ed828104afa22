import { useTenantDbStore, useTenantStore } from '../../state'
import { PageHeading } from '../navigation/PageHeading'
import { AuditEntries } from './AuditEntries'
import { AuditExport } from './AuditExport'
import './audit.css'
import { StoreCopy } from './StoreCopy'
import { useAuditStatus } from './use-audit-status'

function AuditSummary() {
  const audit = useTenantDbStore((s) => s.audit)
  const error = useTenantDbStore((s) => s.error)
  const { verifyAgain, checking } = useAuditStatus()

  return (
    <section aria-labelledby="audit-title" className="card">
      <h2 id="audit-title">Audit trail</h2>
      {error && (
        <p role="alert" className="inline-error">
          Could not check the audit trail: {error}
        </p>
      )}
      {audit === null && !error && <p className="muted">Checking…</p>}
      {audit && (
        <dl className="facts">
          <dt>Entries</dt>
          <dd>{audit.entries}</dd>
          <dt>Chain</dt>
          <dd className={audit.intact ? 'ok' : 'bad'}>
            {audit.intact
              ? 'Intact: every entry links to the one before it.'
              : `Broken at entry ${audit.brokenAt ?? '?'}${audit.reason ? `: ${audit.reason}` : ''}. Entries from there on cannot be trusted.`}
          </dd>
        </dl>
      )}
      <StoreCopy />
      <button type="button" onClick={verifyAgain} disabled={checking}>
        Verify audit trail
      </button>
      <h3>Export for an auditor</h3>
      <AuditExport />
      <h3>Log entries</h3>
      <AuditEntries />
    </section>
  )
}

export function ReviewPage() {
  const tenantId = useTenantStore((s) => s.currentId)
  return (
    <>
      <PageHeading>Review</PageHeading>
      <p className="intro">
        Every decision made on this desk (tender relevance, certificate approvals, field corrections, scan
        links) is recorded in a tamper-evident audit trail. Tender decisions are made beside their evidence on
        the Tenders page.
      </p>
      {tenantId === null ? (
        <p className="empty-state">Choose a tenant in the header to check its audit trail.</p>
      ) : (
        <AuditSummary />
      )}
    </>
  )
}
