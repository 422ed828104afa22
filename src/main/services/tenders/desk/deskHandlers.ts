import type { Handler, TenantId } from '../../../../shared/contract'
import type { ProfileStore } from './profileStore'
import type { TendersDesk } from './tendersDesk'

type ScreeningMethod =
  | 'tenders.profiles.list'
  | 'tenders.profiles.save'
  | 'tenders.profiles.remove'
  | 'tenders.profiles.versions'
  | 'tenders.profiles.restore'
  | 'tenders.results'
  | 'tenders.detail'
  | 'tenders.export'

export interface ScreeningHandlerDeps<Ctx> {
  tenantOf(ctx: Ctx): TenantId
  profiles: ProfileStore
  desk: TendersDesk
  /** Profiles changed: every row may rank differently now. */
  changed(tenantId: TenantId): void
}

export function tendersHandlers<Ctx>(deps: ScreeningHandlerDeps<Ctx>): {
  [M in ScreeningMethod]: Handler<M, Ctx>
} {
  return {
    'tenders.profiles.list': async (_params, ctx) => ({
      profiles: (await deps.profiles.load(deps.tenantOf(ctx))).summaries,
    }),
    'tenders.profiles.save': async ({ text, format, replace, expectedVersion }, ctx) => {
      const tenantId = deps.tenantOf(ctx)
      const saved = await deps.profiles.save(tenantId, text, format, {
        ...(replace !== undefined ? { replace } : {}),
        ...(expectedVersion !== undefined ? { expectedVersion } : {}),
      })
      if (saved.changed) deps.changed(tenantId)
      return saved.summary
    },
    'tenders.profiles.remove': async ({ name }, ctx) => {
      const tenantId = deps.tenantOf(ctx)
      const removed = await deps.profiles.remove(tenantId, name)
      if (removed) deps.changed(tenantId)
      return { removed }
    },
    'tenders.profiles.versions': async ({ name }, ctx) => deps.profiles.versions(deps.tenantOf(ctx), name),
    'tenders.profiles.restore': async ({ name, version }, ctx) => {
      const tenantId = deps.tenantOf(ctx)
      const restored = await deps.profiles.restore(tenantId, name, version)
      if (restored.changed) deps.changed(tenantId)
      return restored.summary
    },
    'tenders.results': async (_params, ctx) => deps.desk.results(deps.tenantOf(ctx)),
    'tenders.detail': async ({ documentId }, ctx) => deps.desk.detail(deps.tenantOf(ctx), documentId),
    'tenders.export': async (request, ctx) => deps.desk.export(deps.tenantOf(ctx), request),
  }
}
