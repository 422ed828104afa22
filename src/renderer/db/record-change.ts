import { z } from 'zod'
import { canonicalJson, GENESIS_HASH, hashAuditEntry, type JsonValue } from '../../shared/audit'
import { DeskError, formatZodIssues } from '../../shared/contract/errors'
import { uuidv7 } from '../../shared/ids/uuidv7'
import type { TenantDb } from './database'
import { entityFieldSchemas, type CreateInput, type UpdateInput } from './entities'
import {
  ENTITY_TABLE_NAMES,
  type AuditRow,
  type EntityTableName,
  type EntityTables,
  type OutboxRow,
} from './types'

type Common<T extends EntityTableName> = {
  table: T
  /** Who made the change; becomes createdBy and the audit actor. */
  actor: string
  /** The outbox row to sync. `payload` defaults to the entity after the change ({ id } for a delete). */
  outbox: { kind: string; payload?: JsonValue }
}

type Action<T extends EntityTableName> =
  | { action: 'create'; entity: CreateInput<T> }
  | { action: 'update'; entity: UpdateInput<T> }
  | { action: 'delete'; entity: { id: string } }

export type ChangeInput<T extends EntityTableName> = Common<T> & Action<T>

/** A step worth auditing that the hub has no table for (a specification version, a signer, a draw). */
export type LocalChangeInput<T extends EntityTableName> = Omit<Common<T>, 'outbox'> & Action<T>

export type ChangeResult<T extends EntityTableName> = {
  /** The stored entity, or undefined after a delete. */
  entity: EntityTables[T] | undefined
  audit: AuditRow
  outbox: OutboxRow
}

const commonSchema = z.object({
  table: z.enum(ENTITY_TABLE_NAMES),
  action: z.enum(['create', 'update', 'delete']),
  actor: z.string().min(1).max(200),
  outbox: z.object({ kind: z.string().min(1).max(100) }).nullable(),
})

/**
 * Writes the entity, its audit entry and its outbox row in ONE read-write transaction: either all
 * three land or none does, so the audit log never misses a change and sync never sends one that
 * was not stored. Everything inside is synchronous apart from Dexie calls, because awaiting
 * anything else would let IndexedDB auto-commit half the work.
 */
export async function recordChange<T extends EntityTableName>(
  db: TenantDb,
  change: ChangeInput<T>,
): Promise<ChangeResult<T>> {
  const { outbox, ...rest } = await writeChange(db, change)
  if (outbox === null) throw new DeskError('INTERNAL', 'recordChange wrote no outbox row')
  return { ...rest, outbox }
}

/**
 * The same single transaction without an outbox row. The hub refuses kinds it has no table for and
 * parks them as rejected, so steps that are not ground truth stay in the local audit trail only.
 */
export async function recordLocalChange<T extends EntityTableName>(
  db: TenantDb,
  change: LocalChangeInput<T>,
): Promise<Omit<ChangeResult<T>, 'outbox'>> {
  const { outbox: _none, ...rest } = await writeChange(db, { ...change, outbox: null })
  return rest
}

async function writeChange<T extends EntityTableName>(
  db: TenantDb,
  change: LocalChangeInput<T> & { outbox: ChangeInput<T>['outbox'] | null },
): Promise<Omit<ChangeResult<T>, 'outbox'> & { outbox: OutboxRow | null }> {
  const common = parseOrThrow(commonSchema, change)
  const fields = parseEntity(change)
  const entityId = String(fields.id ?? uuidv7())
  const table = db.table<EntityTables[T], string>(common.table)

  return db.transaction('rw', [table, db.audit, db.outbox], async () => {
    const now = db.nowIso()
    let before: EntityTables[T] | undefined
    let after: EntityTables[T] | undefined

    if (common.action === 'create') {
      after = {
        ...fields,
        id: entityId,
        tenant: db.tenant,
        createdAt: now,
        updatedAt: now,
        createdBy: common.actor,
      } as EntityTables[T]
      await table.add(after)
    } else {
      before = await table.get(entityId)
      if (before === undefined) throw new DeskError('NOT_FOUND', `${common.table}/${entityId} does not exist`)
      if (common.action === 'update') {
        after = { ...before, ...fields, updatedAt: now }
        await table.put(after)
      } else {
        await table.delete(entityId)
      }
    }

    // Read inside the transaction so a concurrent change cannot slip between read and append.
    const last = await db.audit.orderBy('seq').last()
    const prevHash = last?.hash ?? GENESIS_HASH
    const unhashed = {
      id: uuidv7(),
      seq: (last?.seq ?? 0) + 1,
      tenant: db.tenant,
      at: now,
      actor: common.actor,
      action: common.action,
      entityTable: common.table,
      entityId,
      ...(before === undefined ? {} : { before }),
      ...(after === undefined ? {} : { after }),
    }
    const audit: AuditRow = { ...unhashed, prevHash, hash: hashAuditEntry(unhashed, prevHash) }
    await db.audit.add(audit)

    if (change.outbox === null || common.outbox === null) return { entity: after, audit, outbox: null }
    const payload: JsonValue = change.outbox.payload ?? after ?? { id: entityId }
    // The hub only speaks JSON: a payload that cannot cross the wire must fail the whole change
    // now, not sit in the outbox as a row that can never be sent.
    canonicalJson(payload)
    const outbox: OutboxRow = {
      id: uuidv7(),
      tenant: db.tenant,
      kind: change.outbox.kind,
      entityTable: common.table,
      entityId,
      payload,
      createdAt: now,
      state: 'pending',
      attempts: 0,
    }
    await db.outbox.add(outbox)
    return { entity: after, audit, outbox }
  })
}

function parseEntity(change: LocalChangeInput<EntityTableName>): Record<string, unknown> & { id?: unknown } {
  if (change.action === 'delete') return parseOrThrow(z.object({ id: z.string().min(1) }), change.entity)
  const schema = entityFieldSchemas[change.table]?.[change.action]
  if (schema === undefined) throw new DeskError('INVALID_INPUT', `unknown table ${String(change.table)}`)
  return parseOrThrow<Record<string, unknown>>(schema, change.entity)
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new DeskError('INVALID_INPUT', formatZodIssues(parsed.error))
  return parsed.data
}
