import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import {
  applySnapshot,
  LATEST_VERSION,
  recordChange,
  takeSnapshot,
  verifyAuditChain,
} from '../../../src/renderer/db'
import { STORE_SNAPSHOT_FORMAT } from '../../../src/shared/contract'
import { openFresh } from './helpers'

const note = (tenant: string) => ({
  id: '01890a5d-ac96-774b-bcce-b302099a8057',
  tenant,
  createdAt: '2025-12-01T10:00:00.000Z',
  updatedAt: '2025-12-01T10:00:00.000Z',
  createdBy: 'lab.tech',
  documentId: 'doc-1',
  note: 'Batch 7 COA, signed copy in folder B',
})

describe('store snapshots', () => {
  it('copies a store into another one whole: rows, audit chain and outbox', async () => {
    const source = await openFresh('lab')
    await recordChange(source, {
      table: 'documents',
      action: 'create',
      actor: 'lab.tech',
      entity: { documentId: 'doc-1', note: 'first', tags: [] },
      outbox: { kind: 'note', payload: { n: 1 } },
    })
    const snapshot = await takeSnapshot(source)
    expect(snapshot.schemaVersion).toBe(LATEST_VERSION)

    const target = await openFresh('lab')
    const restored = await applySnapshot(target, { ...snapshot, tenantId: target.tenant }, 'r-1')
    expect(restored.rows).toBeGreaterThanOrEqual(3)
    expect((await target.documents.toArray()).map((d) => d.note)).toEqual(['first'])
    expect(await target.outbox.count()).toBe(1)
    expect(await verifyAuditChain(target)).toEqual({ ok: true, count: 1 })
  })

  it('brings a store written by an older release up to this schema with the same upgrades a desk runs', async () => {
    const target = await openFresh('lab')
    const restored = await applySnapshot(
      target,
      {
        format: STORE_SNAPSHOT_FORMAT,
        version: 1,
        tenantId: target.tenant,
        schemaVersion: 1,
        takenAt: '2025-12-02T10:00:00.000Z',
        tables: { documents: [note(target.tenant)], audit: [], outbox: [], meta: [], decisions: [] },
      },
      'r-2',
    )
    expect(restored.rows).toBe(1)
    // v2 gave every note its tags.
    expect((await target.documents.toArray())[0]?.tags).toEqual([])
  })

  it('refuses a store from a newer release, and one of another tenant, leaving the store as it was', async () => {
    const target = await openFresh('lab')
    const base = {
      format: STORE_SNAPSHOT_FORMAT as typeof STORE_SNAPSHOT_FORMAT,
      version: 1 as const,
      takenAt: '2025-12-02T10:00:00.000Z',
      tables: { documents: [{ ...note(target.tenant), tags: [] }] },
    }
    await expect(
      applySnapshot(target, { ...base, tenantId: target.tenant, schemaVersion: LATEST_VERSION + 1 }, 'r'),
    ).rejects.toThrow(/written by a newer Pebble Desk/)
    await expect(
      applySnapshot(target, { ...base, tenantId: 'someone-else', schemaVersion: LATEST_VERSION }, 'r'),
    ).rejects.toThrow(/tenant someone-else's, not/)
    expect(await target.documents.count()).toBe(0)
  })
})
