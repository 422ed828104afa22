import { z } from 'zod'
import { tenantIdSchema } from '../ids/tenant'

export const STORE_SNAPSHOT_FORMAT = 'pebble-desk-store'

/**
 * A tenant's whole local store (the renderer's IndexedDB: COA records, specifications, decisions,
 * the audit chain, the outbox) as the desk writes it into the data folder, so a desk backup holds
 * it. Rows stay opaque here: the renderer's schema owns their shape, and `schemaVersion` says which
 * version of it they were written under.
 */
export const storeSnapshotSchema = z.strictObject({
  format: z.literal(STORE_SNAPSHOT_FORMAT),
  version: z.literal(1),
  tenantId: tenantIdSchema,
  schemaVersion: z.number().int().positive(),
  takenAt: z.iso.datetime(),
  tables: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/), z.array(z.unknown())),
})
export type StoreSnapshot = z.infer<typeof storeSnapshotSchema>

/** Written into the data folder by a restore; each tenant store takes its snapshot back once. */
export const storeRestoreSchema = z.strictObject({ id: z.string().min(1).max(100), at: z.iso.datetime() })
export type StoreRestore = z.infer<typeof storeRestoreSchema>

const noParams = z.strictObject({})

/** The session tenant's store mirror, spread into the contract's method map (methods.ts). */
export const storeMethods = {
  /** Replaces the session tenant's snapshot in the data folder (written whole, then renamed). */
  'store.save': {
    request: storeSnapshotSchema,
    response: z.strictObject({ savedAt: z.iso.datetime(), bytes: z.number().int().min(0) }),
  },
  /** The last restore of the data folder, if any: a store that has not taken it back yet does. */
  'store.restored': {
    request: noParams,
    response: z.strictObject({ restore: storeRestoreSchema.nullable() }),
  },
  /** The session tenant's snapshot as the data folder holds it (null when it has none). */
  'store.load': { request: noParams, response: z.strictObject({ snapshot: storeSnapshotSchema.nullable() }) },
}
