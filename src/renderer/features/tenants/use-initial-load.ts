import { useEffect } from 'react'
import { loadDeskUser } from '../identity/load'
import { useServices } from '../services/context'
import { loadTenants } from './load'

export function useInitialLoad(): void {
  const services = useServices()
  useEffect(() => {
    void loadTenants(services)
    void loadDeskUser(services)
  }, [services])
}
