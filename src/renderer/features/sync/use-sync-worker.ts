import { useEffect } from 'react'
import { describeError } from '../../bridge/errors'
import { useSyncStore, useTenantDbStore, useTenantStore } from '../../state'
import { useServices } from '../services/context'
import { shareUnsentPortalTemplates } from '../tenders/decisions/learn-template'
import { noteOriginAtLoad } from './hub-origin'

/** Half the heartbeat interval, so each heartbeat carries figures at most this old. */
const METRICS_POLL_MS = 30_000

/**
 * Runs the sync worker for the tenant on screen: configured from sync.credentials.get once the
 * tenant's store is open (the desk session has switched by then), reconfigured after Settings
 * saves or forgets the hub, and nudged whenever the outbox grows.
 */
export function useSyncWorker(): void {
  const services = useServices()
  const send = useSyncStore((s) => s.send)
  const handle = useTenantDbStore((s) => s.handle)
  const version = useSyncStore((s) => s.credentialsVersion)

  // One worker for the window; it swaps its processor when the tenant changes.
  useEffect(() => {
    if (!services.sync) return
    const worker = services.sync()
    const offStatus = worker.onStatus((tenant, status) => {
      if (tenant === useTenantStore.getState().currentId) useSyncStore.setState({ tenant, status })
    })
    const offError = worker.onError((message) => useSyncStore.setState({ error: message }))
    // Templates another desk taught a bid portal: the desk's main side keeps them.
    const offPortals = worker.onPortalTemplates((tenant, list) => {
      if (tenant !== useTenantStore.getState().currentId) return
      services.desk.tenders['templates.adopt'](list)
        // And the other way: what this desk keeps that the hub never heard of goes to the outbox.
        .then(() => shareUnsentPortalTemplates(services.desk, tenant, list))
        .catch((error: unknown) => {
          const problem = describeError(error)
          // A user without the tenders role cannot take them; the next look (another user) will.
          if (problem.code !== 'FORBIDDEN')
            useSyncStore.setState({ error: `portal templates: ${problem.message}` })
        })
    })
    useSyncStore.setState({ send: (message) => worker.send(message) })
    return () => {
      offStatus()
      offError()
      offPortals()
      worker.send({ type: 'stop' })
      worker.terminate()
      useSyncStore.setState({ send: null })
    }
  }, [services])

  useEffect(() => {
    if (!send || !handle) return
    const tenant = handle.tenantId
    if (useSyncStore.getState().tenant !== tenant) {
      useSyncStore.setState({ tenant, status: null, configured: null, error: null })
    }
    let live = true
    services.desk.sync['credentials.get']().then(
      (settings) => {
        if (!live) return
        noteOriginAtLoad(tenant, settings?.hubUrl ?? null)
        send({ type: 'configure', tenant, settings })
        send({ type: 'online', online: navigator.onLine })
        useSyncStore.setState({ configured: settings !== null, error: null })
      },
      (error: unknown) => {
        if (live) useSyncStore.setState({ error: describeError(error).message })
      },
    )
    return () => {
      live = false
    }
  }, [send, handle, version, services])

  // The heartbeat carries the desk's own measurements (latency, queue, OCR); the worker cannot ask
  // the desk itself, so the page asks for it, tagged with the tenant they were measured for.
  useEffect(() => {
    if (!send || !handle) return
    const tenant = handle.tenantId
    let live = true
    const pass = () =>
      services.desk.sync.metrics().then(
        (metrics) => {
          if (live) send({ type: 'metrics', tenant, metrics })
        },
        () => undefined, // best effort: the next pass tries again
      )
    void pass()
    const timer = setInterval(() => void pass(), METRICS_POLL_MS)
    return () => {
      live = false
      clearInterval(timer)
    }
  }, [send, handle, services])

  // liveQuery already watches the outbox (in this window or another); a rise means new records.
  useEffect(() => {
    if (!send) return
    let previous = useTenantDbStore.getState().outboxDepth
    return useTenantDbStore.subscribe(({ outboxDepth }) => {
      if (outboxDepth !== null && previous !== null && outboxDepth > previous) send({ type: 'notify' })
      previous = outboxDepth
    })
  }, [send])
}
