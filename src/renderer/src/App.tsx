import type { JSX } from 'react'
import { DeskUserControl } from '../features/identity/DeskUserControl'
import { SignedInControl, SignInGate } from '../features/identity/SignInGate'
import { JobsPanel } from '../features/jobs/JobsPanel'
import { useJobEvents } from '../features/jobs/use-job-events'
import { MainNav } from '../features/navigation/MainNav'
import { QcPage } from '../features/qc/QcPage'
import { useQcScans } from '../features/qc/use-qc-scans'
import { ReviewPage } from '../features/audit/ReviewPage'
import { ScannerPage } from '../features/scanners/ScannerPage'
import { useScannerEvents } from '../features/scanners/use-scanner-events'
import { useWedgeCapture } from '../features/scanners/wedge/use-wedge-capture'
import { ServicesProvider, type DeskServices } from '../features/services/context'
import { SettingsPage } from '../features/settings/SettingsPage'
import { useConnectionTracking, useNetworkStatus } from '../features/status/use-connection'
import { StatusBar } from '../features/status/StatusBar'
import { SyncPage } from '../features/sync/SyncPage'
import { useOutboxDepth } from '../features/sync/use-outbox-depth'
import { useSyncWorker } from '../features/sync/use-sync-worker'
import { AddTenantForm } from '../features/tenants/AddTenantForm'
import { TenantPicker } from '../features/tenants/TenantPicker'
import { useInitialLoad } from '../features/tenants/use-initial-load'
import { TendersPage } from '../features/tenders/TendersPage'
import { useDocumentEvents } from '../features/documents/use-document-events'
import { useNavigationStore, type PageId } from '../state'

const PAGE_COMPONENTS: Record<PageId, () => JSX.Element> = {
  tenders: TendersPage,
  qc: QcPage,
  scanner: ScannerPage,
  review: ReviewPage,
  sync: SyncPage,
  settings: SettingsPage,
}

function Frame() {
  useConnectionTracking()
  useNetworkStatus()
  useInitialLoad()
  useJobEvents()
  useDocumentEvents()
  useOutboxDepth()
  useSyncWorker()
  useScannerEvents()
  useWedgeCapture()
  useQcScans()
  const page = useNavigationStore((s) => s.page)
  const Page = PAGE_COMPONENTS[page]

  return (
    <div className="frame">
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <header className="app-header">
        <span className="brand">Pebble Desk</span>
        <div className="header-tools">
          <SignedInControl />
          <DeskUserControl />
          <TenantPicker />
          <AddTenantForm />
        </div>
      </header>
      <MainNav />
      <main id="main" aria-labelledby="page-title" className="page">
        <Page key={page} />
      </main>
      <JobsPanel />
      <StatusBar />
    </div>
  )
}

export function App({ services }: { services: DeskServices }) {
  return (
    <ServicesProvider services={services}>
      <SignInGate>
        <Frame />
      </SignInGate>
    </ServicesProvider>
  )
}
