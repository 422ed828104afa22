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
 * After a pull: sends the hub each template this desk keeps that the hub has not heard of and no
 * outbox row carries, i.e. one learned before templates were shared, or one whose lesson was stored
 * on the desk but whose outbox row was never written (the window closed in between). Returns how
 * many were queued; a template is queued once however often this runs.
 */
export async function shareUnsentPortalTemplates(
  desk: DeskApi,
  tenant: TenantId,
  hub: PortalTemplateList,
): Promise<number> {
  const known = new Set([...hub.templates.map((t) => t.id), ...hub.removed])
  const { templates } = await desk.tenders['templates.list']({})
  const unheard = templates.filter((t) => !known.has(t.id))
  if (unheard.length === 0) return 0
  const db = await openTenantDb(tenant)
  try {
    // Checked and written in one transaction, so two looks cannot both queue the same template.
    return await db.transaction('rw', db.outbox, async () => {
      const queued = new Set(
        (await db.outbox.filter((row) => row.kind === PORTAL_TEMPLATE_KIND).toArray()).map((r) => r.entityId),
      )
      const rows = unheard
        .filter((t) => !queued.has(t.id))
        .map((template) => outboxRow({ action: 'learn', template }))
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
