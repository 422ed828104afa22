import type { Handler, TenantId } from '../../../../shared/contract'
import { HUB_ACTOR } from '../../../../shared/sync/kinds'
import type { FieldTemplate } from '../../../../shared/tenders/templates'
import type { FieldTemplateStore } from './fieldTemplateStore'
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
  | 'tenders.templates.list'
  | 'tenders.templates.learn'
  | 'tenders.templates.remove'
  | 'tenders.templates.adopt'

export interface ScreeningHandlerDeps<Ctx> {
  tenantOf(ctx: Ctx): TenantId
  profiles: ProfileStore
  desk: TendersDesk
  /** Profiles changed: every row may rank differently now. */
  changed(tenantId: TenantId): void
  templates: FieldTemplateStore
  /** Who is working on this session (templates are credited to them). */
  actor(ctx: Ctx): Promise<string>
  /** The desk's audit chain: a template is a record like any other. */
  audit(change: {
    actor: string
    action: string
    entityTable: string
    entityId: string
    before?: FieldTemplate
    after?: FieldTemplate | { reason: string }
  }): Promise<unknown>
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
    'tenders.templates.list': async (_params, ctx) => {
      const { templates, forgotten } = await deps.templates.load(deps.tenantOf(ctx))
      return { templates, forgotten }
    },
    'tenders.templates.learn': async ({ documentId, field, value }, ctx) => {
      const by = await deps.actor(ctx)
      const { template, replaced } = await deps.desk.learnTemplate(deps.tenantOf(ctx), {
        documentId,
        field,
        value,
        by,
      })
      await deps.audit({
        actor: by,
        action: replaced ? 'update' : 'create',
        entityTable: 'fieldTemplates',
        entityId: template.id,
        ...(replaced ? { before: replaced } : {}),
        after: template,
      })
      return { template, replaced: replaced !== null, ...(replaced ? { replacedId: replaced.id } : {}) }
    },
    'tenders.templates.remove': async ({ id, reason }, ctx) => {
      const by = await deps.actor(ctx)
      const removed = await deps.desk.removeTemplate(deps.tenantOf(ctx), id, by)
      if (removed)
        await deps.audit({
          actor: by,
          action: 'delete',
          entityTable: 'fieldTemplates',
          entityId: id,
          before: removed,
          after: { reason },
        })
      return { removed: removed !== null }
    },
    'tenders.templates.adopt': async ({ templates, removed }, ctx) => {
      const changes = await deps.desk.adoptTemplates(deps.tenantOf(ctx), templates, removed)
      // Audited like a lesson or a removal on this desk, credited to the desk that made it.
      for (const { before, after } of changes)
        await deps.audit({
          actor: HUB_ACTOR,
          action: after === null ? 'delete' : before === null ? 'create' : 'update',
          entityTable: 'fieldTemplates',
          entityId: after?.id ?? before?.id ?? '',
          ...(before ? { before } : {}),
          ...(after ? { after } : { after: { reason: 'forgotten on another desk of the tenant' } }),
        })
      return {
        adopted: changes.filter((c) => c.after !== null).length,
        removed: changes.filter((c) => c.after === null).length,
      }
    },
  }
}
