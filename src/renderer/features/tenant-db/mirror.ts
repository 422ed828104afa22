import Dexie from 'dexie'
import type { StoreRestore, StoreSnapshot } from '../../../shared/contract'
import { applySnapshot, RESTORE_META_KEY, takeSnapshot, type RestoredStore, type TenantDb } from '../../db'

/** The desk's store.* methods, as the mirror needs them. */
export interface StoreMirrorApi {
  save(snapshot: StoreSnapshot): Promise<unknown>
  restored(): Promise<{ restore: StoreRestore | null }>
  load(): Promise<{ snapshot: StoreSnapshot | null }>
}

/**
 * After the desk's data folder was restored from a backup, this store takes the backup's snapshot
 * back, once per restore. Null when there is nothing to take back.
 */
export async function takeBackRestore(db: TenantDb, api: StoreMirrorApi): Promise<RestoredStore | null> {
  const { restore } = await api.restored()
  if (!restore) return null
  if ((await db.meta.get(RESTORE_META_KEY))?.value === restore.id) return null
  const { snapshot } = await api.load()
  if (!snapshot) {
    // The backup held no store for this tenant: what this browser has stays as it is.
    await db.meta.put({ key: RESTORE_META_KEY, value: restore.id })
    return null
  }
  return applySnapshot(db, snapshot, restore.id)
}

export interface StoreMirror {
  /** Saves now if anything changed since the last save (or none was made yet). */
  flush(): Promise<void>
  /** Saves what is pending, then stops watching. */
  stop(): Promise<void>
}

export interface MirrorOptions {
  /** Quiet time after a change before the store is saved, so a burst of writes saves once. */
  delayMs?: number
  onSaved?: (at: Date) => void
  onError?: (error: unknown) => void
}

/**
 * Keeps a copy of the tenant's IndexedDB in the desk's data folder (store.save), so the desk's
 * backups hold the records, the audit chain and the outbox, not only the documents. It saves once
 * on start and again after each burst of changes.
 */
export function mirrorStore(db: TenantDb, api: StoreMirrorApi, options: MirrorOptions = {}): StoreMirror {
  const delayMs = options.delayMs ?? 2_000
  let dirty = true
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | null = null
  let saving: Promise<void> = Promise.resolve()

  const save = (): Promise<void> => {
    saving = saving.then(async () => {
      if (!dirty || !db.isOpen()) return
      dirty = false
      try {
        await api.save(await takeSnapshot(db))
        options.onSaved?.(new Date())
      } catch (error) {
        // Saved again with the next change; the data itself is safe in IndexedDB meanwhile.
        dirty = true
        options.onError?.(error)
      }
    })
    return saving
  }
  const schedule = () => {
    dirty = true
    if (stopped) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      void save()
    }, delayMs)
  }
  const prefix = `idb://${db.name}/`
  const onMutated = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((key) => key.startsWith(prefix))) schedule()
  }
  Dexie.on('storagemutated', onMutated)
  // A window that closes or hides saves at once instead of waiting out the delay.
  const onHidden = () => {
    if (document.visibilityState === 'hidden') void save()
  }
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onHidden)
  // The first copy at once: a store that never changes in this window is still in the next backup.
  void save()

  return {
    flush: () => {
      if (timer) clearTimeout(timer)
      timer = null
      return save()
    },
    stop: async () => {
      stopped = true
      Dexie.on.storagemutated.unsubscribe(onMutated)
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onHidden)
      if (timer) clearTimeout(timer)
      timer = null
      await save()
    },
  }
}
