import { useAnnouncementStore } from './announcements'
import { useConnectionStore } from './connection'
import { resetDeskUser } from './desk-user'
import { useDocumentStore } from './documents'
import { useJobStore } from './jobs'
import { useNavigationStore } from './navigation'
import { useTenantDbStore } from './tenant-db'
import { useTenantStore } from './tenants'
import { resetViewer } from './viewer'

/**
 * Drops everything that belongs to one tenant, before the next one loads: a screen must never
 * show one customer's documents under another's name, even for a frame.
 */
export function clearTenantScopedState(): void {
  useDocumentStore.setState({ documents: [], loaded: false, error: null })
  useJobStore.setState({ jobs: [] })
  resetViewer()
  const { handle } = useTenantDbStore.getState()
  handle?.close()
  useTenantDbStore.setState({
    handle: null,
    outboxDepth: null,
    audit: null,
    auditChecking: false,
    error: null,
  })
}

/** Back to a fresh start (a new window, or between tests). */
export function resetAllState(): void {
  clearTenantScopedState()
  useTenantStore.setState({ tenants: [], currentId: null, switching: false, error: null })
  useNavigationStore.setState({ page: 'tenders' })
  useAnnouncementStore.setState({ message: '', serial: 0 })
  useConnectionStore.setState({ bridge: 'connecting' })
  resetDeskUser()
}
