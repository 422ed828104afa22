import { DeskError, type HandlerMap, type TenantId } from '../../../shared/contract'
import type { SyncCredentialStore } from '../sync'
import { bulkResults, bulkStatus, type HubTarget } from './client'

type BulkMethods = 'tenders.bulk.runs' | 'tenders.bulk.results'

/**
 * The session tenant's bulk runs, read from its hub with the desk token kept in the tenant's
 * sync credentials, so the Tenders page can follow a run without ever holding the token.
 */
export function bulkDeskHandlers<S extends { tenantId: TenantId | null }>(
  credentials: SyncCredentialStore,
): Pick<HandlerMap<S>, BulkMethods> {
  const targetOf = async (session: S): Promise<HubTarget> => {
    if (!session.tenantId) throw new DeskError('TENANT_REQUIRED', 'select a tenant first')
    const saved = await credentials.get(session.tenantId)
    if (!saved)
      throw new DeskError(
        'NOT_FOUND',
        `tenant "${session.tenantId}" has no hub connection: set one up on the Sync page to see bulk runs`,
      )
    return { hubUrl: saved.hubUrl, token: saved.token }
  }
  return {
    'tenders.bulk.runs': async (_params, session) => ({ runs: await bulkStatus(await targetOf(session)) }),
    'tenders.bulk.results': async ({ runId }, session) => bulkResults(await targetOf(session), runId),
  }
}
