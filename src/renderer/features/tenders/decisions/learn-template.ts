import type { DeskApi, TenantId } from '../../../../shared/contract'
import { portalTemplateEventSchema } from '../../../../shared/sync/kinds'
import { FIELD_NAMES, type FieldName } from '../../../../shared/tenders/fields/types'
import type { FieldTemplate, PortalTemplateList } from '../../../../shared/tenders/templates/schema'
import { describeError } from '../../../bridge/errors'
import { enqueueOutbox, openTenantDb } from '../../../db'
import { PORTAL_TEMPLATE_KIND } from '../../../sync/template-fetch'

const isFieldName = (name: string): name is FieldName => (FIELD_NAMES as readonly string[]).includes(name)

type PortalTemplateChange =
  | { action: 'learn'; template: FieldTemplate }
  | { action: 'forget'; templateId: string; changedBy: string; changedAt: string }

/**
 * Sends a change to a portal template (kept and audited by the desk's main side) to the hub, so the
 * tenant's other desks use it: one outbox row per change, all in one transaction. A lesson that
 * replaced the portal's earlier template for the field also forgets that one on the hub.
 */
export async function sendPortalTemplateChanges(
  tenant: TenantId,
  changes: readonly PortalTemplateChange[],
): Promise<void> {
  const db = await openTenantDb(tenant)
  try {
    await enqueueOutbox(db, changes.map(outboxRow))
  } finally {
    db.close()
  }
}

function outboxRow(change: PortalTemplateChange) {
  const payload =
    change.action === 'learn'
      ? portalTemplateEventSchema.parse({
          templateId: change.template.id,
          action: 'learn',
          template: change.template,
          changedBy: change.template.learnedBy,
          changedAt: change.template.learnedAt,
        })
      : portalTemplateEventSchema.parse({
          templateId: change.templateId,
          action: 'forget',
          changedBy: change.changedBy,
          changedAt: change.changedAt,
        })
  return {
    kind: PORTAL_TEMPLATE_KIND,
    entityTable: 'fieldTemplates',
    entityId: payload.templateId,
    payload,
  }
}

/**
 * After a pull, tells the hub what this desk knows and it does not, each once however often this
 * runs: a template the desk keeps that the hub has not heard of (learned before templates were
 * shared, or a lesson whose outbox row was never written because the window closed in between), and
 * a template removed on this desk that the hub still lists (removed through the contract without
 * its forget reaching the outbox). `hub` is the pulled list, less what still waits in the outbox.
 * Returns how many rows were queued.
 */
export async function shareUnsentPortalTemplates(
  desk: DeskApi,
  tenant: TenantId,
  hub: PortalTemplateList,
): Promise<number> {
  const listed = new Set(hub.templates.map((t) => t.id))
  const known = new Set([...listed, ...hub.removed])
  const { templates, forgotten = [] } = await desk.tenders['templates.list']({})
  const unheard = templates.filter((t) => !known.has(t.id))
  const stale = forgotten.filter((f) => listed.has(f.id))
  if (unheard.length === 0 && stale.length === 0) return 0
  const db = await openTenantDb(tenant)
  try {
    // Checked and written in one transaction, so two looks cannot both queue the same change.
    return await db.transaction('rw', db.outbox, async () => {
      const queued = await db.outbox.filter((row) => row.kind === PORTAL_TEMPLATE_KIND).toArray()
      const learns = new Set(queued.map((r) => r.entityId))
      const forgets = new Set(
        queued.filter((r) => (r.payload as { action?: unknown }).action === 'forget').map((r) => r.entityId),
      )
      const rows = [
        ...unheard
          .filter((t) => !learns.has(t.id))
          .map((template) => outboxRow({ action: 'learn', template })),
        ...stale
          .filter((f) => !forgets.has(f.id))
          .map((f) => outboxRow({ action: 'forget', templateId: f.id, changedBy: f.by, changedAt: f.at })),
      ]
      await enqueueOutbox(db, rows)
      return rows.length
    })
  } finally {
    db.close()
  }
}

/**
 * After a correction: asks the desk to learn the bid portal's layout from it, so the next notice
 * from the same portal is read right, and sends the lesson to the hub for the tenant's other desks.
 * Returns the sentence to add to the announcement; a lesson the desk refuses is said, not raised,
 * because the correction itself was recorded.
 */
export async function learnPortalTemplate(
  desk: DeskApi,
  tenant: TenantId,
  documentId: string,
  field: string,
  value: string,
): Promise<string> {
  if (!isFieldName(field)) return ''
  let template: FieldTemplate
  let replacedId: string | undefined
  try {
    ;({ template, replacedId } = await desk.tenders['templates.learn']({ documentId, field, value }))
  } catch (error) {
    return ` No layout learned: ${describeError(error).message}`
  }
  const learned = ` Next notices from ${template.portal.name} will read it from “${template.label}”.`
  try {
    await sendPortalTemplateChanges(tenant, [
      { action: 'learn', template },
      ...(replacedId
        ? [
            {
              action: 'forget' as const,
              templateId: replacedId,
              changedBy: template.learnedBy,
              changedAt: template.learnedAt,
            },
          ]
        : []),
    ])
    return learned
  } catch (error) {
    return `${learned} It could not be queued for the hub: ${describeError(error).message}`
  }
}

/** Forgets a portal template on the desk and, once forgotten, on the hub for the tenant's other desks. */
export async function forgetPortalTemplate(
  desk: DeskApi,
  tenant: TenantId,
  id: string,
  reason: string,
  actor: string,
): Promise<boolean> {
  const { removed } = await desk.tenders['templates.remove']({ id, reason })
  if (removed)
    await sendPortalTemplateChanges(tenant, [
      { action: 'forget', templateId: id, changedBy: actor, changedAt: new Date().toISOString() },
    ])
  return removed
}
