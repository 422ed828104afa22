import { DeskError, type HandlerMap, type TenantId } from '../../../shared/contract'
import type { SyncCredentialStore } from './credentials'

type SyncMethods = 'sync.credentials.get' | 'sync.credentials.set' | 'sync.credentials.clear'

/** The session's tenant only: a window may read or change the hub connection of the tenant it shows. */
export function syncCredentialHandlers<S extends { tenantId: TenantId | null }>(
  store: SyncCredentialStore,
): Pick<HandlerMap<S>, SyncMethods> {
  const tenantOf = (session: S): TenantId => {
    if (!session.tenantId) throw new DeskError('TENANT_REQUIRED', 'select a tenant first')
    return session.tenantId
  }
  return {
    'sync.credentials.get': (_params, session) => store.get(tenantOf(session)),
    'sync.credentials.set': async (params, session) => {
      const saved = await store.set(tenantOf(session), params)
      return { hubUrl: saved.hubUrl, deskId: saved.deskId, storage: store.persistence }
    },
    'sync.credentials.clear': async (_params, session) => ({
      cleared: await store.clear(tenantOf(session)),
    }),
  }
}
