import { DeskError, type HandlerMap, type TenantId } from '../../../shared/contract'
import { loadSnapshot, readRestoreMarker, saveSnapshot } from './storeMirror'

type StoreMethods = 'store.save' | 'store.restored' | 'store.load'

export interface StoreDeskOptions<S> {
  dataDir: string
  tenantOf: (session: S) => TenantId
  folderOf: (tenantId: TenantId) => string
  now?: () => Date
}

/** A window mirrors the tenant it shows, and only that one, into the data folder. */
export function storeHandlers<S>({
  dataDir,
  tenantOf,
  folderOf,
  now = () => new Date(),
}: StoreDeskOptions<S>): Pick<HandlerMap<S>, StoreMethods> {
  return {
    'store.save': async (snapshot, session) => {
      const tenantId = tenantOf(session)
      if (snapshot.tenantId !== tenantId)
        throw new DeskError(
          'FORBIDDEN',
          `this window shows tenant ${tenantId}; it cannot save the store of tenant ${snapshot.tenantId}`,
        )
      const bytes = await saveSnapshot(folderOf(tenantId), snapshot)
      return { savedAt: now().toISOString(), bytes }
    },
    'store.restored': async () => ({ restore: await readRestoreMarker(dataDir) }),
    'store.load': async (_params, session) => ({ snapshot: await loadSnapshot(folderOf(tenantOf(session))) }),
  }
}
