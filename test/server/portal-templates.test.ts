import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { uuidv7 } from '../../src/shared/ids'
import {
  portalTemplateListSchema,
  type FieldTemplate,
  type PortalTemplateList,
} from '../../src/shared/tenders/templates'
import type { IngestRecord } from '../../src/shared/sync/wire'
import { ADMIN_TOKEN, startTestHub, type TestHub } from './support/hub'
import { postIngest } from './support/records'

// A bid portal's field, taught on one desk, is served to the tenant's other desks and to no one else.

let hub: TestHub
let deskA: string
let deskB: string
let otherDesk: string

beforeAll(async () => {
  hub = await startTestHub()
  deskA = await hub.desk('pwd', 'pwd-desk-a')
  deskB = await hub.desk('pwd', 'pwd-desk-b')
  otherDesk = await hub.desk('rvn', 'rvn-desk')
})
afterAll(() => hub.close())

function template(id: string, at: string, label = 'Bayana Rashi'): FieldTemplate {
  return {
    id,
    portal: { key: 'web:pwd.state.gov.in', name: 'pwd.state.gov.in' },
    field: 'emdAmount',
    label,
    example: '2,45,000',
    learnedFrom: { documentId: 'doc-pwd-1', name: 'pwd-1.pdf' },
    learnedBy: 'asha@pwd',
    learnedAt: at,
  }
}

/** What a desk's outbox sends when its analyst teaches or forgets a portal's field. */
function event(tenant: string, payload: Record<string, unknown>, at: string): IngestRecord {
  return {
    id: uuidv7(),
    tenant,
    kind: 'tenders.portalTemplate',
    entityTable: 'fieldTemplates',
    entityId: String(payload.templateId),
    createdAt: at,
    payload: { ...payload, changedBy: 'asha@pwd', changedAt: at },
  }
}

async function list(tenant: string, token: string): Promise<{ status: number } & PortalTemplateList> {
  const r = await fetch(`${hub.url}/v1/tenants/${tenant}/portal-templates`, {
    headers: { authorization: `Bearer ${token}` },
  })
  if (r.status !== 200) return { status: r.status, templates: [], removed: [] }
  return { status: 200, ...portalTemplateListSchema.parse(await r.json()) }
}

describe('learned bid-portal templates on the hub', () => {
  it('a template desk A learned is served to desk B of the tenant, newest lesson only, once however often it is sent', async () => {
    const t1 = '2026-12-05T10:00:00.000Z'
    const t2 = '2026-12-05T11:00:00.000Z'
    const first = event(
      'pwd',
      { templateId: 'pt-a', action: 'learn', template: template('pt-a', t1, 'EMD') },
      t1,
    )
    const relearned = event(
      'pwd',
      { templateId: 'pt-a', action: 'learn', template: template('pt-a', t2) },
      t2,
    )
    expect((await postIngest(hub.url, deskA, { records: [relearned, first] })).status).toBe(200)
    // The outbox sending the same row again (no ack seen) stores nothing twice.
    const again = await postIngest(hub.url, deskA, { records: [relearned] })
    expect((again.json as { results: { status: string }[] }).results.map((r) => r.status)).toEqual([
      'duplicate',
    ])
    expect(await list('pwd', deskB)).toEqual({ status: 200, templates: [template('pt-a', t2)], removed: [] })
  })

  it('a forgotten template is no longer served, and its id is named as removed', async () => {
    const t = '2026-12-05T12:00:00.000Z'
    const learned = event('pwd', { templateId: 'pt-b', action: 'learn', template: template('pt-b', t) }, t)
    expect((await postIngest(hub.url, deskA, { records: [learned] })).status).toBe(200)
    expect((await list('pwd', deskB)).templates.map((x) => x.id)).toEqual(['pt-a', 'pt-b'])
    const later = '2026-12-05T12:30:00.000Z'
    const forget = event('pwd', { templateId: 'pt-b', action: 'forget' }, later)
    expect((await postIngest(hub.url, deskB, { records: [forget] })).status).toBe(200)
    const seen = await list('pwd', deskA)
    expect(seen.templates.map((x) => x.id)).toEqual(['pt-a'])
    expect(seen.removed).toEqual(['pt-b'])
  })

  it("is a desk endpoint the desk's page may call cross-origin", async () => {
    const r = await fetch(`${hub.url}/v1/tenants/pwd/portal-templates`, {
      headers: { authorization: `Bearer ${deskA}`, origin: 'http://127.0.0.1:5173' },
    })
    expect(r.status).toBe(200)
    expect(r.headers.get('access-control-allow-origin')).toBe('*')
    const preflight = await fetch(`${hub.url}/v1/tenants/pwd/portal-templates`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'GET' },
    })
    expect(preflight.status).toBe(204)
  })

  it("another tenant's desk neither reads them nor sees them in its own list", async () => {
    expect((await list('pwd', otherDesk)).status).toBe(403)
    expect(await list('rvn', otherDesk)).toEqual({ status: 200, templates: [], removed: [] })
    expect((await list('pwd', ADMIN_TOKEN)).templates.map((x) => x.id)).toEqual(['pt-a'])
    expect((await fetch(`${hub.url}/v1/tenants/pwd/portal-templates`)).status).toBe(401)
  })

  it('a template the desk did not send whole is refused with the field named', async () => {
    const t = '2026-12-05T13:00:00.000Z'
    const broken = event('pwd', { templateId: 'pt-c', action: 'learn', template: { id: 'pt-c' } }, t)
    const bare = event('pwd', { templateId: 'pt-d', action: 'learn' }, t)
    const r = await postIngest(hub.url, deskA, { records: [broken, bare] })
    expect(r.status).toBe(200)
    const acks = (r.json as { results: { status: string; reason?: string }[] }).results
    expect(acks.map((a) => a.status)).toEqual(['rejected', 'rejected'])
    expect(acks[0]!.reason).toContain('payload of tenders.portalTemplate: template.')
    expect(acks[1]!.reason).toContain('a learn carries the whole template')
    expect((await list('pwd', deskA)).templates.map((x) => x.id)).toEqual(['pt-a'])
  })
})
