import { useEffect } from 'react'
import { useTenantStore } from '../../state'
import { useServices } from '../services/context'
import { refreshDocuments } from '../tenants/load'

export function useDocumentEvents(): void {
  const services = useServices()
  useEffect(
    () =>
      services.desk.on('documents.changed', ({ tenantId }) => {
        if (tenantId === useTenantStore.getState().currentId) void refreshDocuments(services)
      }),
    [services],
  )
}
