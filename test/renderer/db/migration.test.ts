import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import {
  applySchema,
  LATEST_VERSION,
  openTenantDb,
  tenantDbName,
  verifyAuditChain,
} from '../../../src/renderer/db'
import { freshTenant, trackForCleanup } from './helpers'

describe('schema migrations', () => {
  it('upgrades a v1 database to the latest version without losing data', async () => {
    const tenant = freshTenant('lab')
    // Build the database exactly as the v1 release did.
    const v1 = new Dexie(tenantDbName(tenant))
    applySchema(v1, 1)
    await v1.open()
    expect(v1.verno).toBe(1)
    const note = {
      id: '01890a5d-ac96-774b-bcce-b302099a8057',
      tenant,
      createdAt: '2025-12-01T10:00:00.000Z',
      updatedAt: '2025-12-01T10:00:00.000Z',
      createdBy: 'lab.tech',
      documentId: 'doc-1',
      note: 'Batch 7 COA, signed copy in folder B',
    }
    await v1.table('documents').add(note)
    await v1.table('decisions').add({
      ...note,
      id: '01890a5d-ac96-774b-bcce-b302099a8058',
      kind: 'coa.approval',
      subjectId: 'doc-1',
      value: true,
    })
    v1.close()

    const db = trackForCleanup(await openTenantDb(tenant))
    expect(db.verno).toBe(LATEST_VERSION)
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(2)
    // Old fields intact, new field backfilled, new index usable.
    expect(await db.documents.get(note.id)).toEqual({ ...note, tags: [] })
    expect(await db.decisions.count()).toBe(1)
    await db.documents.update(note.id, { tags: ['ph', 'batch-7'] })
    expect((await db.documents.where('tags').equals('ph').toArray()).map((n) => n.id)).toEqual([note.id])
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 0 })
  })
})
