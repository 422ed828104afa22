import 'fake-indexeddb/auto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FieldTemplateStore } from '../../../src/main/services/tenders/desk'
import { sendPortalTemplateChanges } from '../../../src/renderer/features/tenders/decisions/learn-template'
import { openTenantDb, pendingOutbox, recordChange, type TenantDb } from '../../../src/renderer/db'
import { listAuditEntries, verifyAuditChain } from '../../../src/renderer/db'
import {
  HUB_ACTOR,
  refreshLayoutTemplates,
  refreshPortalTemplates,
} from '../../../src/renderer/sync/template-fetch'
import { uuidv7 } from '../../../src/shared/ids'
import type { LayoutTemplate } from '../../../src/shared/qc/templates'
import type { FieldTemplate, PortalTemplateList } from '../../../src/shared/tenders/templates'
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

// The same for a bid portal's learned fields, which the desk's main side keeps: the pull hands the
// hub's list (less what this desk still has to send) to tenders.templates.adopt, here the real
// store behind it.

function portalTemplate(id: string, at: string, label = 'Bayana Rashi'): FieldTemplate {
  return {
    id,
    portal: { key: 'web:pwd.state.gov.in', name: 'pwd.state.gov.in' },
    field: 'emdAmount',
    label,
    example: '2,45,000',
    learnedFrom: { documentId: 'doc-pwd-1', name: 'pwd-1.pdf' },
    learnedBy: 'asha',
    learnedAt: at,
  }
}

function portalSent(tenantId: string, payload: Record<string, unknown>, at: string) {
  return {
    id: uuidv7(),
    tenant: tenantId,
    kind: 'tenders.portalTemplate',
    entityTable: 'fieldTemplates',
    entityId: String(payload.templateId),
    createdAt: at,
    payload: { ...payload, changedBy: 'asha', changedAt: at },
  }
}

describe("a desk pulls its tenant's learned bid-portal templates", () => {
  it('stores, updates and removes what another desk taught, and leaves alone what waits in its outbox', async () => {
    const portalTenant = freshTenant('ptpl')
    const [a, b] = [
      await hub.desk(portalTenant, 'portal-desk-a'),
      await hub.desk(portalTenant, 'portal-desk-b'),
    ]
    const db = trackForCleanup(await openTenantDb(portalTenant))
    const dir = mkdtempSync(join(tmpdir(), 'pebble-portal-pull-'))
    try {
      const store = new FieldTemplateStore(() => dir)
      const adoptedLists: PortalTemplateList[] = []
      const pullPortals = () =>
        refreshPortalTemplates({
          db,
          settings: { hubUrl: hub.url, deskId: 'portal-desk-b', token: b },
          adopt: async (list) => {
            adoptedLists.push(list)
            const changes = await store.adopt(portalTenant, list.templates, list.removed)
            return {
              adopted: changes.filter((c) => c.after !== null).length,
              removed: changes.filter((c) => c.after === null).length,
            }
          },
        })
      const stored = async () => (await store.load(portalTenant)).templates

      const [one, two] = [uuidv7(), uuidv7()]
      const t1 = '2026-12-05T10:00:00.000Z'
      const learned = portalSent(
        portalTenant,
        { templateId: one, action: 'learn', template: portalTemplate(one, t1, 'EMD') },
        t1,
      )
      expect((await postIngest(hub.url, a, { records: [learned] })).status).toBe(200)
      expect(await pullPortals()).toMatchObject({ state: 'updated' })
      expect(await stored()).toEqual([portalTemplate(one, t1, 'EMD')])
      expect(await pullPortals()).toMatchObject({ state: 'unchanged' })

      // Relearned on desk A: the newer lesson replaces the stored one.
      const t2 = '2026-12-05T11:00:00.000Z'
      const relearned = portalSent(
        portalTenant,
        { templateId: one, action: 'learn', template: portalTemplate(one, t2) },
        t2,
      )
      expect((await postIngest(hub.url, a, { records: [relearned] })).status).toBe(200)
      expect(await pullPortals()).toMatchObject({ state: 'updated' })
      expect(await stored()).toEqual([portalTemplate(one, t2)])

      // This desk forgets it while offline: the forget waits in the outbox, so the hub's list
      // (which still has it) must not bring it back.
      await store.remove(portalTenant, one, 'ben')
      await sendPortalTemplateChanges(portalTenant, [
        { action: 'forget', templateId: one, changedBy: 'ben', changedAt: '2026-12-05T11:30:00.000Z' },
      ])
      expect(await pullPortals()).toMatchObject({ state: 'unchanged' })
      expect(adoptedLists.at(-1)).toEqual({ templates: [], removed: [] })
      expect(await stored()).toEqual([])

      // Once sent (as the outbox would), the hub has the forget and serves it to the other desks.
      const waiting = await pendingOutbox(db, 10)
      expect(waiting.map((r) => [r.kind, r.entityId])).toEqual([['tenders.portalTemplate', one]])
      const { state: _s, attempts: _a, ...record } = waiting[0]!
      expect((await postIngest(hub.url, b, { records: [record] })).status).toBe(200)
      await db.outbox.update(record.id, { state: 'sent' })
      const seenByA = await fetch(`${hub.url}/v1/tenants/${portalTenant}/portal-templates`, {
        headers: { authorization: `Bearer ${a}` },
      })
      expect(await seenByA.json()).toEqual({ templates: [], removed: [one] })

      // Desk A teaches another field; then forgets it: this desk stores, then removes it.
      const t3 = '2026-12-05T12:00:00.000Z'
      const other = { ...portalTemplate(two, t3, 'Tender No'), field: 'bidNumber' as const, example: 'PWD/1' }
      const learnedTwo = portalSent(portalTenant, { templateId: two, action: 'learn', template: other }, t3)
      expect((await postIngest(hub.url, a, { records: [learnedTwo] })).status).toBe(200)
      expect(await pullPortals()).toMatchObject({ state: 'updated' })
      expect((await stored()).map((t) => t.id)).toEqual([two])
      const forgotTwo = portalSent(
        portalTenant,
        { templateId: two, action: 'forget' },
        '2026-12-05T13:00:00.000Z',
      )
      expect((await postIngest(hub.url, a, { records: [forgotTwo] })).status).toBe(200)
      expect(await pullPortals()).toMatchObject({
        state: 'updated',
        message: '1 portal template change from the hub',
      })
      expect(await stored()).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)

  it('offline, nothing is handed to the desk', async () => {
    const db = trackForCleanup(await openTenantDb(freshTenant('ptpl-offline')))
    let calls = 0
    const result = await refreshPortalTemplates({
      db,
      settings: { hubUrl: 'http://127.0.0.1:9', deskId: 'desk-b', token: tokenB },
      timeoutMs: 2000,
      adopt: async () => {
        calls++
      },
    })
    expect(result.state).toBe('unreachable')
    expect(calls).toBe(0)
  })
})
