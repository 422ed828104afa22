import type { JsonValue } from '../../shared/audit'
import { modelSha256, parseRelevanceModel } from '../../shared/learning'
import { servedModelSchema, type ServedModel } from '../../shared/sync/hub-api'
import type { ModelRow, TenantDb } from '../db'
import { HubClient, type FetchLike } from './hub-client'
import type { SyncSettings } from './settings'

export const MODEL_STATUS_KEY = 'relevance-model-status'
const CURRENT = 'relevance:current'
const PREVIOUS = 'relevance:previous'

/** What the last look at the hub's model found; kept in the tenant's meta table for the tenders page. */
export interface ModelFetchStatus {
  state: 'updated' | 'unchanged' | 'refused' | 'none' | 'unreachable'
  message: string
  at: string
}

type Fetched =
  { ok: true; served: ServedModel } | { ok: false; state: 'none' | 'unreachable'; message: string }

async function fetchServed(
  tenant: string,
  settings: SyncSettings,
  fetchImpl: FetchLike,
  timeoutMs: number,
  stop: AbortSignal,
): Promise<Fetched | { ok: false; state: 'refused'; message: string }> {
  const client = new HubClient(settings, fetchImpl, timeoutMs)
  const path = `/v1/tenants/${encodeURIComponent(tenant)}/models/relevance/current`
  const result = await client.get(path, stop, (json) => {
    const parsed = servedModelSchema.safeParse(json)
    return parsed.success ? { ok: true as const, served: parsed.data } : null
  })
  if (result === null) {
    return { ok: false, state: 'refused', message: 'the hub sent a model answer this desk cannot read' }
  }
  if ('served' in result) return result
  if (result.ok) return { ok: false, state: 'unreachable', message: 'unexpected answer' }
  // 404: the tenant has no promoted model yet, which is not a failure.
  if (/answered 404/.test(result.message)) return { ok: false, state: 'none', message: result.message }
  return { ok: false, state: 'unreachable', message: result.message }
}

/**
 * The hub's model for this desk, verified before use: the artefact must be a relevance model this
 * desk can run and its sha256 must be the one the hub names. A model that fails is refused and the
 * one in use stays; a new version moves the one in use to the previous slot, so the desk can fall
 * back to it. Offline, nothing changes: the stored model keeps working.
 */
export async function refreshRelevanceModel(options: {
  db: TenantDb
  settings: SyncSettings
  fetch?: FetchLike
  timeoutMs?: number
  stop?: AbortSignal
}): Promise<ModelFetchStatus> {
  const { db, settings } = options
  const fetched = await fetchServed(
    db.tenant,
    settings,
    options.fetch ?? ((input, init) => fetch(input, init)),
    options.timeoutMs ?? 30_000,
    options.stop ?? new AbortController().signal,
  )
  const at = db.nowIso()
  const status = await decide(db, fetched, settings.hubUrl, at)
  await db.meta.put({ key: MODEL_STATUS_KEY, value: { ...status } })
  return status
}

async function decide(
  db: TenantDb,
  fetched: Awaited<ReturnType<typeof fetchServed>>,
  hub: string,
  at: string,
) {
  const current = await db.models.get(CURRENT)
  const keeping = current ? ` Still using ${current.version}.` : ''
  if (!fetched.ok) {
    const message =
      fetched.state === 'none'
        ? `The hub has no learned relevance model for this tenant yet.${keeping}`
        : `Could not fetch the learned model from ${hub}: ${fetched.message}.${keeping}`
    return { state: fetched.state, message, at } satisfies ModelFetchStatus
  }
  const { served } = fetched
  let sha: string
  try {
    const model = parseRelevanceModel(served.model, `model ${served.version} from ${hub}`)
    if (model.version !== served.version)
      throw new Error(`the hub named ${served.version}, the artefact is ${model.version}`)
    sha = modelSha256(model)
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    return {
      state: 'refused',
      message: `Refused model ${served.version}: ${why}.${keeping}`,
      at,
    } satisfies ModelFetchStatus
  }
  if (sha !== served.sha256) {
    return {
      state: 'refused',
      message: `Refused model ${served.version}: its sha256 is ${sha.slice(0, 12)}…, the hub says ${served.sha256.slice(0, 12)}… (damaged or altered on the way).${keeping}`,
      at,
    } satisfies ModelFetchStatus
  }
  const row: ModelRow = {
    slot: CURRENT,
    version: served.version,
    sha256: sha,
    source: 'hub',
    channel: served.channel,
    model: served.model as JsonValue,
    storedAt: at,
  }
  if (current && current.version === served.version && current.sha256 === sha) {
    if (current.channel !== served.channel) await db.models.put({ ...current, channel: served.channel })
    return {
      state: 'unchanged',
      message: `Using model ${served.version} (${served.channel}).`,
      at,
    } satisfies ModelFetchStatus
  }
  await db.transaction('rw', db.models, async () => {
    if (current) await db.models.put({ ...current, slot: PREVIOUS })
    await db.models.put(row)
  })
  return {
    state: 'updated',
    message: `Using model ${served.version} (${served.channel})${current ? `; ${current.version} kept to fall back on` : ''}.`,
    at,
  } satisfies ModelFetchStatus
}
