import type Dexie from 'dexie'
import type { Transaction } from 'dexie'

/**
 * Every schema version ever shipped, oldest first. Never edit a shipped entry: add a new one, so a
 * desk that skipped releases still walks through each upgrade in order.
 */
type SchemaVersion = {
  version: number
  stores: Record<string, string | null>
  upgrade?: (tx: Transaction) => Promise<unknown>
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      documents: 'id, documentId, updatedAt',
      decisions: 'id, kind, subjectId, [kind+subjectId], createdAt',
      // &seq: two writers can never both append the same link.
      audit: 'id, &seq, [entityTable+entityId], at',
      // [state+createdAt] serves "oldest pending first"; ties fall back to the UUIDv7 primary key.
      outbox: 'id, state, createdAt, [state+createdAt]',
      meta: 'key',
    },
  },
  {
    // v2: notes get tags, searchable through a multi-entry index.
    version: 2,
    stores: { documents: 'id, documentId, updatedAt, *tags' },
    upgrade: (tx) =>
      tx
        .table('documents')
        .toCollection()
        .modify((note: { tags?: unknown }) => {
          // Backfilled so code can rely on the v2 shape. Not audited: a schema change is not a user's.
          if (!Array.isArray(note.tags)) note.tags = []
        }),
  },
  {
    // v3: the QC desk. Specifications are one row per version; COA records are keyed by batch for
    // scans; samplings hang off a record.
    version: 3,
    stores: {
      specifications: 'id, product, [product+version], updatedAt',
      coaRecords: 'id, batch, status, updatedAt',
      signers: 'id, &name',
      samplings: 'id, coaRecordId, createdAt',
    },
  },
  {
    // v4: learned models the desk runs, one row per slot ('relevance:current', 'relevance:previous'),
    // so the previous version is kept to fall back on.
    version: 4,
    stores: { models: 'slot' },
  },
  {
    // v5: COA layout templates learned from a technician's correction, one row per supplier layout.
    version: 5,
    stores: { layoutTemplates: 'id, supplierKey, updatedAt' },
  },
]

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 1

/** Declares versions up to `upTo`; tests pass an older one to build a database as a past release did. */
export function applySchema(db: Dexie, upTo: number = LATEST_VERSION): void {
  for (const v of SCHEMA_VERSIONS) {
    if (v.version > upTo) break
    const version = db.version(v.version).stores(v.stores)
    if (v.upgrade) version.upgrade(v.upgrade)
  }
}
