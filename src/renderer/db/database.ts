import Dexie, { type EntityTable } from 'dexie'
import { formatZodIssues, DeskError } from '../../shared/contract/errors'
import { tenantIdSchema, type TenantId } from '../../shared/contract/schemas'
import { applySchema } from './schema'
import type {
  AuditRow,
  CoaRecord,
  Decision,
  DocumentNote,
  MetaRow,
  LayoutTemplateRow,
  ModelRow,
  OutboxRow,
  SamplingRow,
  Signer,
  SpecificationRow,
} from './types'

const DB_PREFIX = 'pebble-desk:'

export function tenantDbName(tenantId: TenantId): string {
  return `${DB_PREFIX}${tenantId}`
}

export interface TenantDbOptions {
  /** Injected so tests can control timestamps; defaults to the system clock. */
  clock?: () => Date
}

/** One IndexedDB database per tenant: isolation comes from the browser, not from query filters. */
export class TenantDb extends Dexie {
  readonly tenant: TenantId
  readonly clock: () => Date

  documents!: EntityTable<DocumentNote, 'id'>
  decisions!: EntityTable<Decision, 'id'>
  audit!: EntityTable<AuditRow, 'id'>
  outbox!: EntityTable<OutboxRow, 'id'>
  meta!: EntityTable<MetaRow, 'key'>
  specifications!: EntityTable<SpecificationRow, 'id'>
  coaRecords!: EntityTable<CoaRecord, 'id'>
  signers!: EntityTable<Signer, 'id'>
  samplings!: EntityTable<SamplingRow, 'id'>
  models!: EntityTable<ModelRow, 'slot'>
  layoutTemplates!: EntityTable<LayoutTemplateRow, 'id'>

  constructor(tenant: TenantId, options: TenantDbOptions = {}) {
    super(tenantDbName(tenant))
    this.tenant = tenant
    this.clock = options.clock ?? (() => new Date())
    applySchema(this)
  }

  nowIso(): string {
    return this.clock().toISOString()
  }
}

/** Validates the tenant id (it becomes a database name) and opens, running any pending upgrades. */
export async function openTenantDb(tenantId: string, options: TenantDbOptions = {}): Promise<TenantDb> {
  const parsed = tenantIdSchema.safeParse(tenantId)
  if (!parsed.success) {
    throw new DeskError('INVALID_INPUT', `invalid tenant id: ${formatZodIssues(parsed.error)}`)
  }
  const db = new TenantDb(parsed.data, options)
  await db.open()
  return db
}
