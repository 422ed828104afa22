import { useEffect } from 'react'
import { describeError } from '../../bridge/errors'
import { useTenantDbStore } from '../../state'

/** Keeps the outbox count of the open tenant database current for the status bar and Sync page. */
export function useOutboxDepth(): void {
  const handle = useTenantDbStore((s) => s.handle)
  useEffect(() => {
    if (!handle) return
    return handle.watchOutboxDepth(
      (outboxDepth) => {
        if (useTenantDbStore.getState().handle === handle) useTenantDbStore.setState({ outboxDepth })
      },
      (error) => {
        if (useTenantDbStore.getState().handle === handle) {
          useTenantDbStore.setState({ error: describeError(error).message })
        }
      },
    )
  }, [handle])
}
