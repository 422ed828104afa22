import { useEffect } from 'react'
import { useServices } from '../services/context'
import { loadTenants } from './load'

export function useInitialLoad(): void {
  const services = useServices()
  useEffect(() => {
    void loadTenants(services)
  }, [services])
}
