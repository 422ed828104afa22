import { createContext, useContext, type ReactNode } from 'react'
import type { DeskApi } from '../../../shared/contract'
import type { DeskConnection } from '../../bridge/connection'
import type { SyncWorkerClient } from '../../sync'
import type { TenantDbPort } from '../tenant-db/port'

/** What the UI talks to; handed in at the top so tests can build it from real parts. */
export interface DeskServices {
  desk: DeskApi
  connection: DeskConnection
  tenantDb: TenantDbPort
  /** Starts the sync worker; absent where none can run, and the desk simply does not sync. */
  sync?: () => SyncWorkerClient
}

const ServicesContext = createContext<DeskServices | null>(null)

export function ServicesProvider({ services, children }: { services: DeskServices; children: ReactNode }) {
  return <ServicesContext value={services}>{children}</ServicesContext>
}

export function useServices(): DeskServices {
  const services = useContext(ServicesContext)
  if (!services) throw new Error('useServices() needs a <ServicesProvider> above it')
  return services
}

/** The services when a provider is above, else null (for parts that work without a desk). */
export function useOptionalServices(): DeskServices | null {
  return useContext(ServicesContext)
}
