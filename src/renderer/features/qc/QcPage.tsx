import { showPage, useTenantStore } from '../../state'
import { PageHeading } from '../navigation/PageHeading'
import { SpecLibrary } from './specifications/SpecLibrary'
import { NewCheckForm } from './NewCheckForm'
import { useQcStore, type QcView } from './qc-store'
import { RecordList } from './RecordList'
import { ReviewScreen } from './ReviewScreen'
import { readQcSettings } from './settings'
import { SignersPanel } from './SignersPanel'
import { useDeskSigners } from './desk-signers'
import { useLive, useQcDb } from './use-qc-db'
import './qc.css'

const VIEWS: { id: QcView; label: string }[] = [
  { id: 'certificates', label: 'Certificates' },
  { id: 'specifications', label: 'Specifications' },
  { id: 'signers', label: 'Signers & settings' },
]

function Notice() {
  const notice = useQcStore((s) => s.notice)
  if (!notice) return <p role="status" className="visually-hidden" />
  return (
    <p
      role={notice.tone === 'info' ? 'status' : 'alert'}
      className={`qc-notice qc-notice-${notice.tone}`}
      key={notice.serial}
    >
      {notice.text}{' '}
      <button type="button" className="link" onClick={() => useQcStore.setState({ notice: null })}>
        Dismiss
      </button>
    </p>
  )
}

function QcDesk() {
  const db = useQcDb()
  const view = useQcStore((s) => s.view)
  const selectedId = useQcStore((s) => s.selectedId)
  const records = useLive(db, (d) => d.coaRecords.orderBy('updatedAt').reverse().toArray(), [])
  const specs = useLive(db, (d) => d.specifications.toArray(), [])
  // The desk's users who can sign; the Dexie signers table is old data, no longer read or written.
  const { signers } = useDeskSigners()
  const settings = useLive(db, readQcSettings, [])
  if (!db || !records || !specs || !signers || !settings)
    return <p className="muted">Opening the QC records…</p>
  const selected = records.find((r) => r.id === selectedId)

  return (
    <>
      <div className="qc-bar">
        <div role="group" aria-label="QC sections">
          {VIEWS.map((v) => (
            <button
              key={v.id}
              type="button"
              aria-pressed={view === v.id}
              onClick={() => useQcStore.setState({ view: v.id })}
            >
              {v.label}
            </button>
          ))}
        </div>
      </div>
      <Notice />
      {view === 'specifications' && <SpecLibrary db={db} specs={specs} />}
      {view === 'signers' && <SignersPanel db={db} signers={signers} settings={settings} />}
      {view === 'certificates' &&
        (selected ? (
          <ReviewScreen key={selected.id} db={db} record={selected} specs={specs} signers={signers} />
        ) : (
          <>
            <RecordList records={records} specs={specs} />
            <NewCheckForm db={db} specifications={specs} />
          </>
        ))}
    </>
  )
}

export function QcPage() {
  const tenantId = useTenantStore((s) => s.currentId)
  return (
    <>
      <PageHeading>QC</PageHeading>
      {tenantId === null ? (
        <div className="empty-state">
          <p>Choose a tenant in the header to see its certificates of analysis.</p>
          <p>
            Import a Certificate of Analysis on the{' '}
            <button type="button" className="link" onClick={() => showPage('tenders')}>
              Tenders page
            </button>
            , then check it here against a specification.
          </p>
        </div>
      ) : (
        <QcDesk key={tenantId} />
      )}
    </>
  )
}
