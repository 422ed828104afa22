import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { openTenantDb, recordChange, tenantDbName } from '../../../src/renderer/db'
import { freshTenant, trackForCleanup } from './helpers'

describe('openTenantDb', () => {
  it('names the database after the tenant', async () => {
    const tenant = freshTenant('acme')
    const db = trackForCleanup(await openTenantDb(tenant))
    expect(db.name).toBe(`pebble-desk:${tenant}`)
    expect(tenantDbName('acme')).toBe('pebble-desk:acme')
    expect(await Dexie.getDatabaseNames()).toContain(`pebble-desk:${tenant}`)
  })

  it.each(['', 'Acme', '../other', 'acme/evil', 'a'.repeat(64), '-acme', 'acme corp'])(
    'refuses tenant id %j',
    async (bad) => {
      await expect(openTenantDb(bad)).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    },
  )

  it("keeps one tenant's records out of another tenant's database", async () => {
    const a = trackForCleanup(await openTenantDb(freshTenant('acme')))
    const b = trackForCleanup(await openTenantDb(freshTenant('globex')))
    const { entity } = await recordChange(a, {
      table: 'decisions',
      action: 'create',
      actor: 'anna',
      entity: { kind: 'tender.relevance', subjectId: 'tender-1', value: { relevant: true } },
      outbox: { kind: 'decision.recorded' },
    })
    expect(entity?.tenant).toBe(a.tenant)
    expect(await b.decisions.get(entity?.id ?? '')).toBeUndefined()
    expect(await b.decisions.count()).toBe(0)
    expect(await b.audit.count()).toBe(0)
    expect(await b.outbox.count()).toBe(0)
    expect(await a.decisions.count()).toBe(1)
  })
})
