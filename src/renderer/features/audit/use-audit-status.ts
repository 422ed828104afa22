import { useCallback, useEffect } from 'react'
import { describeError } from '../../bridge/errors'
import { useTenantDbStore } from '../../state'
import type { TenantDbHandle } from '../tenant-db/port'

async function verify(handle: TenantDbHandle): Promise<void> {
  const mine = (): boolean => useTenantDbStore.getState().handle === handle
  useTenantDbStore.setState({ auditChecking: true })
  try {
    const audit = await handle.verifyAudit()
    if (mine()) useTenantDbStore.setState({ audit, error: null })
  } catch (error) {
    if (mine()) useTenantDbStore.setState({ audit: null, error: describeError(error).message })
  } finally {
    if (mine()) useTenantDbStore.setState({ auditChecking: false })
  }
}

/** Verifies the open tenant's audit chain when the page opens, and again on request. */
export function useAuditStatus(): { verifyAgain: () => void; checking: boolean } {
  const handle = useTenantDbStore((s) => s.handle)
  const checking = useTenantDbStore((s) => s.auditChecking)

  useEffect(() => {
    if (handle) void verify(handle)
  }, [handle])

  const verifyAgain = useCallback(() => {
    if (handle) void verify(handle)
  }, [handle])

  return { verifyAgain, checking }
}
