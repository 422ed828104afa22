import { useEffect } from 'react'
import { useConnectionStore } from '../../state'
import { useServices } from '../services/context'
import { loadTenants } from '../tenants/load'

/** Mirrors the bridge link into the store; after a drop, reloads, since the server lost our session. */
export function useConnectionTracking(): void {
  const services = useServices()
  useEffect(() => {
    const { connection } = services
    useConnectionStore.setState({ bridge: connection.state })
    let wasDown = false
    return connection.subscribe((state) => {
      useConnectionStore.setState({ bridge: state })
      if (state === 'reconnecting') wasDown = true
      if (state === 'connected' && wasDown) {
        wasDown = false
        void loadTenants(services)
      }
    })
  }, [services])
}

export function useNetworkStatus(): void {
  useEffect(() => {
    const update = (): void => useConnectionStore.setState({ network: navigator.onLine })
    update()
    window.addEventListener('online', update)
    window.addEventListener('offline', update)
    return () => {
      window.removeEventListener('online', update)
      window.removeEventListener('offline', update)
    }
  }, [])
}
