import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { uuidv7 } from '../../src/shared/ids'
import { layoutTemplateListSchema, type LayoutTemplate } from '../../src/shared/qc/templates'
import type { IngestRecord } from '../../src/shared/sync/wire'
import { ADMIN_TOKEN, startTestHub, type TestHub } from './support/hub'
import { postIngest } from './support/records'

let hub: TestHub
let labDesk: string
let labDesk2: string
let otherDesk: string

beforeAll(async () => {
  hub = await startTestHub()
  labDesk = await hub.desk('lab', 'lab-desk-1')
  labDesk2 = await hub.desk('lab', 'lab-desk-2')
  otherDesk = await hub.desk('other', 'other-desk')
})
afterAll(() => hub.close())

function template(id: string, at: string, resultColumn = 3): LayoutTemplate {
  const labels = ['Parameter', 'Test Method', 'Typical Value', 'Batch Result', 'Specification']
  return {
    id,
    supplier: 'VARDHMAN FINE CHEMICALS PVT. LTD.',
    supplierKey: 'vardhman fine chemicals',
    fingerprint: {
      key: labels.map((l) => l.toLowerCase()).join(' | '),
      centres: [0.15, 0.4, 0.58, 0.75, 0.92],
    },
    columns: labels.map((label, i) => ({
      label,
      role:
        i === 0 ? 'name' : i === 1 ? 'method' : i === 4 ? 'spec' : i === resultColumn ? 'result' : 'other',
    })),
    parameters: [{ coaName: 'iron as fe', specName: 'Fe content' }],
    learnedFrom: { recordId: 'rec-1', batch: 'AA-2611-11' },
    learnedBy: 'Ann Lee',
    learnedAt: at,
  }
}

function event(tenant: string, payload: Record<string, unknown>, at: string): IngestRecord {
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

async function list(tenant: string, token: string): Promise<{ status: number; templates: LayoutTemplate[] }> {
  const r = await fetch(`${hub.url}/v1/tenants/${tenant}/layout-templates`, {
    headers: { authorization: `Bearer ${token}` },
  })
  if (r.status !== 200) return { status: r.status, templates: [] }
  return { status: 200, templates: layoutTemplateListSchema.parse(await r.json()).templates }
}

describe('learned COA layout templates on the hub', () => {
  it("a template one desk learned is listed for the tenant's other desks, newest version only", async () => {
    const t1 = '2026-12-05T10:00:00.000Z'
    const t2 = '2026-12-05T11:00:00.000Z'
    const first = event(
      'lab',
      { templateId: 'tpl-a', action: 'learn', template: template('tpl-a', t1, 2) },
      t1,
    )
    const relearned = event(
      'lab',
      { templateId: 'tpl-a', action: 'learn', template: template('tpl-a', t2) },
      t2,
    )
    expect((await postIngest(hub.url, labDesk, { records: [relearned, first] })).status).toBe(200)
    const seen = await list('lab', labDesk2)
    expect(seen.templates).toEqual([template('tpl-a', t2)])
  })

  it('a forgotten template is no longer listed', async () => {
    const t = '2026-12-05T12:00:00.000Z'
    const learned = event('lab', { templateId: 'tpl-b', action: 'learn', template: template('tpl-b', t) }, t)
    expect((await postIngest(hub.url, labDesk, { records: [learned] })).status).toBe(200)
    expect((await list('lab', labDesk2)).templates.map((x) => x.id)).toEqual(['tpl-a', 'tpl-b'])
    const later = '2026-12-05T12:30:00.000Z'
    const forget = event('lab', { templateId: 'tpl-b', action: 'forget' }, later)
    expect((await postIngest(hub.url, labDesk2, { records: [forget] })).status).toBe(200)
    expect((await list('lab', labDesk)).templates.map((x) => x.id)).toEqual(['tpl-a'])
  })

  it("is a desk endpoint the desk's page may call cross-origin", async () => {
    const r = await fetch(`${hub.url}/v1/tenants/lab/layout-templates`, {
      headers: { authorization: `Bearer ${labDesk}`, origin: 'http://127.0.0.1:5173' },
    })
    expect(r.status).toBe(200)
    expect(r.headers.get('access-control-allow-origin')).toBe('*')
  })

  it("another tenant's desk neither reads them nor sees them in its own list", async () => {
    expect((await list('lab', otherDesk)).status).toBe(403)
    expect((await list('other', otherDesk)).templates).toEqual([])
    expect((await list('lab', ADMIN_TOKEN)).templates.map((x) => x.id)).toEqual(['tpl-a'])
  })

  it('a template the desk did not send whole is refused with the field named', async () => {
    const t = '2026-12-05T13:00:00.000Z'
    const broken = event('lab', { templateId: 'tpl-c', action: 'learn', template: { id: 'tpl-c' } }, t)
    const bare = event('lab', { templateId: 'tpl-d', action: 'learn' }, t)
    const r = await postIngest(hub.url, labDesk, { records: [broken, bare] })
    expect(r.status).toBe(200)
    const acks = (r.json as { results: { status: string; reason?: string }[] }).results
    expect(acks.map((a) => a.status)).toEqual(['rejected', 'rejected'])
    expect(acks[0]!.reason).toContain('payload of qc.layoutTemplate: template.')
    expect(acks[1]!.reason).toContain('a learn carries the whole template')
    expect((await list('lab', labDesk)).templates.map((x) => x.id)).toEqual(['tpl-a'])
  })
})
