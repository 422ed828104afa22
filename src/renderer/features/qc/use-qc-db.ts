import { liveQuery } from 'dexie'
import { useEffect, useState } from 'react'
import { openTenantDb, type TenantDb } from '../../db'
import { useTenantStore } from '../../state'
import { redactDeep } from '../../../shared/redaction'

/** The current tenant's local store, open while the component is mounted. */
export function useQcDb(): TenantDb | null {
  const tenant = useTenantStore((s) => s.currentId)
  const [db, setDb] = useState<TenantDb | null>(null)
  useEffect(() => {
    if (!tenant) return
    let alive = true
    let opened: TenantDb | undefined
    void openTenantDb(tenant).then((d) => {
      if (alive) {
        opened = d
        setDb(d)
      } else d.close()
    })
    return () => {
      alive = false
      opened?.close()
      setDb(null)
    }
  }, [tenant])
  return db
}

/** Re-runs `query` whenever the tables it read change (in this window or another). */
export function useLive<T>(
  db: TenantDb | null,
  query: (db: TenantDb) => Promise<T>,
  deps: unknown[],
): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined)
  useEffect(() => {
    if (!db) return
    const subscription = liveQuery(() => query(db)).subscribe({
      next: setValue,
      error: (error: unknown) => console.error('a QC query failed', redactDeep(error)),
    })
    return () => subscription.unsubscribe()
    // The caller lists what the query depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, ...deps])
  return value
}
