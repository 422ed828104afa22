import { useDocumentStore, useTenantStore, useViewerStore } from '../../state'
import { EvidenceView } from './evidence/EvidenceView'
import { useEvidenceStore } from './evidence/store'
import { useLearned } from './learned/use-learned'
import { PageHeading } from '../navigation/PageHeading'
import { BulkRuns } from './bulk/BulkRuns'
import { ScreeningSection } from './screening/ScreeningSection'
import { useScreeningStore } from './screening/store'
import { useScreening } from './screening/use-screening'
import { DocumentViewer } from '../documents/DocumentViewer'
import { DocumentsTable } from '../documents/DocumentsTable'
import { ImportControls } from '../documents/ImportControls'

export function TendersPage() {
  const tenantId = useTenantStore((s) => s.currentId)
  const { documents, loaded, error } = useDocumentStore()
  const viewing = useViewerStore((s) => s.documentId)
  const returnFocusTo = useViewerStore((s) => s.returnFocusTo)
  const open = documents.find((d) => d.id === viewing)
  const evidenceId = useEvidenceStore((s) => s.documentId)
  const evidence = documents.find((d) => d.id === evidenceId)
  const evidenceRow = useScreeningStore((s) => s.rows.find((r) => r.documentId === evidenceId))
  useScreening(tenantId)
  useLearned(tenantId)

  return (
    <>
      <PageHeading>Tenders</PageHeading>
      {tenantId === null ? (
        <p className="empty-state">
          Choose a tenant in the header, or add one, to import and see its documents.
        </p>
      ) : evidence ? (
        <EvidenceView key={evidence.id} tenantId={tenantId} document={evidence} row={evidenceRow} />
      ) : open ? (
        <DocumentViewer key={open.id} document={open} />
      ) : (
        <>
          <ImportControls />
          {error && (
            <p role="alert" className="inline-error">
              Could not load documents: {error}
            </p>
          )}
          {loaded && documents.length === 0 && !error && (
            <div className="empty-state">
              <h2>No documents yet</h2>
              <p>
                Drag PDF, PNG, JPEG or TIFF files onto the area above, or use{' '}
                <strong>Import documents</strong> to pick them. Each import shows its progress in the Jobs
                panel; finished files are listed here with their SHA-256 fingerprint.
              </p>
            </div>
          )}
          {documents.length > 0 && <ScreeningSection />}
          {documents.length > 0 && <DocumentsTable documents={documents} focusId={returnFocusTo} />}
          <BulkRuns key={tenantId} tenantId={tenantId} />
        </>
      )}
    </>
  )
}
