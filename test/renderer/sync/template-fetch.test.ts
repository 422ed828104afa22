import 'fake-indexeddb/auto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTenantDb, recordChange, type TenantDb } from '../../../src/renderer/db'
import { listAuditEntries, verifyAuditChain } from '../../../src/renderer/db'
import { HUB_ACTOR, refreshLayoutTemplates } from '../../../src/renderer/sync/template-fetch'
import { uuidv7 } from '../../../src/shared/ids'
import type { LayoutTemplate } from '../../../src/shared/qc/templates'
import { startTestHub, type TestHub } from '../../server/support/hub'
import { postIngest } from '../../server/support/records'
import { freshTenant, trackForCleanup } from '../db/helpers'

// Desk B uses what a technician taught on desk A: pulled from a real hub on PostgreSQL.

let hub: TestHub
let tenant: string
let tokenA: string
let tokenB: string

beforeAll(async () => {
  hub = await startTestHub()
  tenant = freshTenant('tpl')
  tokenA = await hub.desk(tenant, 'desk-a')
  tokenB = await hub.desk(tenant, 'desk-b')
}, 60_000)
afterAll(() => hub.close())

function template(id: string, at: string): LayoutTemplate {
  return {
    id,
    supplier: 'Vardhman Fine Chemicals Pvt. Ltd.',
    supplierKey: 'vardhman fine chemicals',
    fingerprint: { key: 'parameter | typical value | batch result', centres: [0.2, 0.6, 0.85] },
    columns: [
      { label: 'Parameter', role: 'name' },
      { label: 'Typical Value', role: 'other' },
      { label: 'Batch Result', role: 'result' },
    ],
    parameters: [],
    learnedFrom: { recordId: 'rec-a', batch: 'AA-1' },
    learnedBy: 'Ann Lee',
    learnedAt: at,
  }
}

/** What desk A's outbox sends when its technician learns or forgets a template. */
function sent(payload: Record<string, unknown>, at: string) {
  return {
    id: uuidv7(),
    tenant,
    kind: 'qc.layoutTemplate',
    entityTable: 'layoutTemplates',
    entityId: String(payload.templateId),
    createdAt: at,
    payload: { ...payload, changedBy: 'Ann Lee', changedAt: at },
  }
}

const pull = (db: TenantDb) =>
  refreshLayoutTemplates({ db, settings: { hubUrl: hub.url, deskId: 'desk-b', token: tokenB } })

describe("a desk pulls its tenant's learned layout templates", () => {
  it('stores what another desk taught, audited, and drops what it forgot', async () => {
    const db = trackForCleanup(await openTenantDb(tenant))
    const [one, two] = [uuidv7(), uuidv7()]
    const at = '2026-12-05T10:00:00.000Z'
    const learned = sent({ templateId: one, action: 'learn', template: template(one, at) }, at)
    expect((await postIngest(hub.url, tokenA, { records: [learned] })).status).toBe(200)

    expect((await pull(db)).state).toBe('updated')
    expect((await db.layoutTemplates.get(one))?.template).toEqual(template(one, at))
    const { entries } = await listAuditEntries(db, 0, 10)
    expect(entries.map((e) => [e.action, e.entityTable, e.actor])).toContainEqual([
      'create',
      'layoutTemplates',
      HUB_ACTOR,
    ])
    expect(await db.outbox.count()).toBe(0)
    expect((await pull(db)).state).toBe('unchanged')

    // This desk's own template, not sent yet, survives a pull that does not list it.
    const mine = template(two, '2026-12-05T10:30:00.000Z')
    await recordChange(db, {
      table: 'layoutTemplates',
      action: 'create',
      actor: 'Ben',
      entity: { id: mine.id, supplierKey: mine.supplierKey, template: mine },
      outbox: { kind: 'qc.layoutTemplate', payload: { templateId: mine.id, action: 'learn' } },
    })

    const later = '2026-12-05T11:00:00.000Z'
    const forgot = sent({ templateId: one, action: 'forget' }, later)
    expect((await postIngest(hub.url, tokenA, { records: [forgot] })).status).toBe(200)
    expect((await pull(db)).state).toBe('updated')
    expect((await db.layoutTemplates.toArray()).map((r) => r.id)).toEqual([two])
    expect((await verifyAuditChain(db)).ok).toBe(true)
  }, 60_000)

  it('offline, the stored templates stay', async () => {
    const db = trackForCleanup(await openTenantDb(freshTenant('tpl-offline')))
    const t = template(uuidv7(), '2026-12-05T10:00:00.000Z')
    await db.layoutTemplates.add({
      id: t.id,
      tenant: db.tenant,
      supplierKey: t.supplierKey,
      template: t,
      createdAt: t.learnedAt,
      updatedAt: t.learnedAt,
      createdBy: 'Ann Lee',
    })
    const result = await refreshLayoutTemplates({
      db,
      settings: { hubUrl: 'http://127.0.0.1:9', deskId: 'desk-b', token: tokenB },
      timeoutMs: 2000,
    })
    expect(result.state).toBe('unreachable')
    expect(await db.layoutTemplates.count()).toBe(1)
  })
})
