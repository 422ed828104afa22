import type { TenantId } from '../../../shared/contract'
import { describeError } from '../../bridge/errors'
import {
  clearTenantScopedState,
  replaceJobs,
  useDocumentStore,
  useTenantDbStore,
  useTenantStore,
} from '../../state'
import type { DeskServices } from '../services/context'

// Bumped on every switch: an answer that arrives after the user moved on is dropped, even when
// they came back to the same tenant in between (A -> B -> A).
let generation = 0
const isStale = (mine: number): boolean => mine !== generation

/** Shows a tenant: everything of the previous one is cleared before anything is fetched. */
async function showTenant(services: DeskServices, tenantId: TenantId, select: boolean): Promise<void> {
  const mine = ++generation
  clearTenantScopedState()
  useTenantStore.setState({ currentId: tenantId, switching: true, error: null })
  try {
    if (select) await services.desk.tenants.select({ tenantId })
    if (isStale(mine)) return
    await Promise.all([
      loadDocuments(services, mine),
      loadJobs(services, mine),
      openDb(services, tenantId, mine),
    ])
  } catch (error) {
    if (!isStale(mine)) useTenantStore.setState({ error: describeError(error).message })
  } finally {
    if (!isStale(mine)) useTenantStore.setState({ switching: false })
  }
}

// Every documents.changed event asks for the list again, so several requests overlap while a batch
// is read; an older answer that arrives after a newer one must not put back what it saw (a document
// still "running" after it was done).
let lastListRequest = 0

async function loadDocuments(services: DeskServices, mine: number): Promise<void> {
  const request = ++lastListRequest
  const current = () => !isStale(mine) && request === lastListRequest
  try {
    const { documents } = await services.desk.documents.list()
    if (current()) useDocumentStore.setState({ documents, loaded: true, error: null })
  } catch (error) {
    if (current()) useDocumentStore.setState({ loaded: true, error: describeError(error).message })
  }
}

async function loadJobs(services: DeskServices, mine: number): Promise<void> {
  const { jobs } = await services.desk.jobs.list()
  const tenantId = useTenantStore.getState().currentId
  if (!isStale(mine)) replaceJobs(jobs.filter((j) => j.tenantId === tenantId))
}

async function openDb(services: DeskServices, tenantId: TenantId, mine: number): Promise<void> {
  try {
    const handle = await services.tenantDb.open(tenantId)
    if (isStale(mine)) handle.close()
    else useTenantDbStore.setState({ handle, error: null })
  } catch (error) {
    if (!isStale(mine)) useTenantDbStore.setState({ error: describeError(error).message })
  }
}

/** First load, and again after the bridge reconnects (a new connection is a new server session). */
export async function loadTenants(services: DeskServices): Promise<void> {
  try {
    const { tenants, current } = await services.desk.tenants.list()
    const previous = useTenantStore.getState().currentId
    useTenantStore.setState({ tenants, error: null })
    const wanted = previous && tenants.some((t) => t.id === previous) ? previous : current
    if (wanted) await showTenant(services, wanted, wanted !== current)
  } catch (error) {
    useTenantStore.setState({ error: describeError(error).message })
  }
}

export function switchTenant(services: DeskServices, tenantId: TenantId): Promise<void> {
  return showTenant(services, tenantId, true)
}

export async function createTenant(services: DeskServices, id: string, name: string): Promise<void> {
  const tenant = await services.desk.tenants.create({ id, name })
  const { tenants } = await services.desk.tenants.list()
  useTenantStore.setState({ tenants })
  await switchTenant(services, tenant.id)
}

/** Re-reads the current tenant's documents (after an import, or when the service says so). */
export function refreshDocuments(services: DeskServices): Promise<void> {
  return loadDocuments(services, generation)
}
