import { uuidv7 } from '../../../src/shared/ids'
import { recordChange, type OutboxRow, type TenantDb } from '../../../src/renderer/db'

export function correctionPayload(documentId: string, at: string) {
  return {
    documentId,
    documentHash: 'cd'.repeat(32),
    field: 'expiry_date',
    originalValue: '2027-13-01',
    correctedValue: '2027-12-01',
    modelVersion: 'coa-extract@1.4.0',
    confidence: 0.55,
    correctedBy: 'qa.lead',
    correctedAt: at,
  }
}

/** A human correction as the app records it: entity, audit entry and outbox row in one transaction. */
export async function recordCorrections(db: TenantDb, n: number): Promise<OutboxRow[]> {
  const rows: OutboxRow[] = []
  for (let i = 0; i < n; i++) {
    const at = db.nowIso()
    const { outbox } = await recordChange(db, {
      table: 'decisions',
      action: 'create',
      actor: 'qa.lead',
      entity: { kind: 'field.correction', subjectId: `doc-${i}`, value: { field: 'expiry_date' } },
      outbox: { kind: 'field.correction', payload: correctionPayload(`doc-${i}`, at) },
    })
    rows.push(outbox)
  }
  return rows
}

/** Outbox rows written directly, for volumes where the audit chain's hashing would dominate. */
export async function seedOutbox(db: TenantDb, n: number, prefix = 'doc'): Promise<OutboxRow[]> {
  const base = Date.parse('2026-03-02T09:00:00.000Z')
  const rows: OutboxRow[] = Array.from({ length: n }, (_, i) => {
    const createdAt = new Date(base + i).toISOString()
    return {
      id: uuidv7(),
      tenant: db.tenant,
      kind: 'field.correction',
      entityTable: 'decisions',
      entityId: uuidv7(),
      payload: correctionPayload(`${prefix}-${i}`, createdAt),
      createdAt,
      state: 'pending',
      attempts: 0,
    }
  })
  await db.outbox.bulkAdd(rows)
  return rows
}
