import { z } from 'zod'
import { runListSchema, runResultsSchema } from '../bulk/wire'

/**
 * Bulk runs on the hub, as the Tenders page shows them: the session tenant's runs and one run's
 * results, read with the tenant's hub connection (the desk keeps its token; the page never sees it).
 */
export const bulkMethods = {
  'tenders.bulk.runs': { request: z.object({}).strict(), response: runListSchema },
  'tenders.bulk.results': { request: z.object({ runId: z.uuid() }).strict(), response: runResultsSchema },
}
