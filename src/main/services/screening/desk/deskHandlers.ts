import type { Handler, TenantId } from '../../../../shared/contract'
import type { ProfileStore } from './profileStore'
import type { ScreeningDesk } from './screeningDesk'

type ScreeningMethod =
  | 'screening.profiles.list'
  | 'screening.profiles.save'
  | 'screening.profiles.remove'
  | 'screening.results'
  | 'screening.detail'
  | 'screening.export'

export interface ScreeningHandlerDeps<Ctx> {
  tenantOf(ctx: Ctx): TenantId
  profiles: ProfileStore
  desk: ScreeningDesk
  /** Profiles changed: every row may rank differently now. */
  changed(tenantId: TenantId): void
}

export function screeningHandlers<Ctx>(deps: ScreeningHandlerDeps<Ctx>): {
  [M in ScreeningMethod]: Handler<M, Ctx>
} {
  return {
    'screening.profiles.list': async (_params, ctx) => ({
      profiles: (await deps.profiles.load(deps.tenantOf(ctx))).summaries,
    }),
    'screening.profiles.save': async ({ text, format }, ctx) => {
      const tenantId = deps.tenantOf(ctx)
      const saved = await deps.profiles.save(tenantId, text, format)
      deps.changed(tenantId)
      return saved
    },
    'screening.profiles.remove': async ({ name }, ctx) => {
      const tenantId = deps.tenantOf(ctx)
      const removed = await deps.profiles.remove(tenantId, name)
      if (removed) deps.changed(tenantId)
      return { removed }
    },
    'screening.results': async (_params, ctx) => ({ rows: await deps.desk.rows(deps.tenantOf(ctx)) }),
    'screening.detail': async ({ documentId }, ctx) => deps.desk.detail(deps.tenantOf(ctx), documentId),
    'screening.export': async (request, ctx) => deps.desk.export(deps.tenantOf(ctx), request),
  }
}
