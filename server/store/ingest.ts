import type { GroundTruth } from '../../src/shared/sync/kinds'
import { splitBucket } from '../../src/shared/sync/split'
import type { IngestRecord } from '../../src/shared/sync/wire'
import { withTenant, type Db, type Tx } from '../db/pool'
import type { DeskIdentity } from './desks'

export type AcceptedRecord = { record: IngestRecord; groundTruth: GroundTruth }

type Column = readonly [name: string, pgType: string]
type Row = Record<string, unknown>
type TableSpec = { table: string; columns: readonly Column[]; toRow: (gt: GroundTruth) => Row }

const docColumns: readonly Column[] = [
  ['record_id', 'uuid'],
  ['document_id', 'text'],
  ['split_bucket', 'smallint'],
]

// Learned templates (COA layouts, bid portals): one row per learn or forget event.
const templateColumns: readonly Column[] = [
  ['record_id', 'uuid'],
  ['template_id', 'text'],
  ['action', 'text'],
  ['template', 'jsonb'],
  ['changed_by', 'text'],
  ['changed_at', 'timestamptz'],
]

function templateRow(p: {
  templateId: string
  action: 'learn' | 'forget'
  template?: unknown
  changedBy: string
  changedAt: string
}): Row {
  return {
    template_id: p.templateId,
    action: p.action,
    template: p.template ?? null,
    changed_by: p.changedBy,
    changed_at: p.changedAt,
  }
}

// One spec per kind: the ground-truth table and how a validated payload maps onto its columns.
const TABLES: Record<GroundTruth['kind'], TableSpec> = {
  'tender.decision': {
    table: 'tender_decisions',
    columns: [
      ...docColumns,
      ['document_hash', 'text'],
      ['tender_id', 'text'],
      ['decision', 'text'],
      ['reason', 'text'],
      ['model_version', 'text'],
      ['confidence', 'double precision'],
      ['decided_by', 'text'],
      ['decided_at', 'timestamptz'],
    ],
    toRow: (gt) => {
      if (gt.kind !== 'tender.decision') throw new Error('kind mismatch')
      const p = gt.payload
      return {
        document_id: p.documentId,
        split_bucket: splitBucket(p.documentId),
        document_hash: p.documentHash ?? null,
        tender_id: p.tenderId,
        decision: p.decision,
        reason: p.reason ?? null,
        model_version: p.modelVersion ?? null,
        confidence: p.confidence ?? null,
        decided_by: p.decidedBy,
        decided_at: p.decidedAt,
      }
    },
  },
  'field.correction': {
    table: 'field_corrections',
    columns: [
      ...docColumns,
      ['document_hash', 'text'],
      ['field', 'text'],
      ['original_value', 'jsonb'],
      ['corrected_value', 'jsonb'],
      ['model_version', 'text'],
      ['confidence', 'double precision'],
      ['corrected_by', 'text'],
      ['corrected_at', 'timestamptz'],
    ],
    toRow: (gt) => {
      if (gt.kind !== 'field.correction') throw new Error('kind mismatch')
      const p = gt.payload
      return {
        document_id: p.documentId,
        split_bucket: splitBucket(p.documentId),
        document_hash: p.documentHash,
        field: p.field,
        original_value: p.originalValue,
        corrected_value: p.correctedValue,
        model_version: p.modelVersion,
        confidence: p.confidence,
        corrected_by: p.correctedBy,
        corrected_at: p.correctedAt,
      }
    },
  },
  'coa.result': {
    table: 'coa_results',
    columns: [
      ...docColumns,
      ['document_hash', 'text'],
      ['certificate_id', 'text'],
      ['verdict', 'text'],
      ['results', 'jsonb'],
      ['model_version', 'text'],
      ['confidence', 'double precision'],
      ['validated_by', 'text'],
      ['validated_at', 'timestamptz'],
    ],
    toRow: (gt) => {
      if (gt.kind !== 'coa.result') throw new Error('kind mismatch')
      const p = gt.payload
      return {
        document_id: p.documentId,
        split_bucket: splitBucket(p.documentId),
        document_hash: p.documentHash,
        certificate_id: p.certificateId ?? null,
        verdict: p.verdict,
        results: p.results,
        model_version: p.modelVersion,
        confidence: p.confidence ?? null,
        validated_by: p.validatedBy,
        validated_at: p.validatedAt,
      }
    },
  },
  scan: {
    table: 'scans',
    columns: [
      ['record_id', 'uuid'],
      ['split_key', 'text'],
      ['split_bucket', 'smallint'],
      ['code', 'text'],
      ['gtin', 'text'],
      ['batch', 'text'],
      ['expiry', 'text'],
      ['document_id', 'text'],
      ['scanner_id', 'text'],
      ['scanned_by', 'text'],
      ['scanned_at', 'timestamptz'],
    ],
    toRow: (gt) => {
      if (gt.kind !== 'scan') throw new Error('kind mismatch')
      const p = gt.payload
      const splitKey = scanSplitKey(p.documentId, p.code)
      return {
        split_key: splitKey,
        split_bucket: splitBucket(splitKey),
        code: p.code,
        gtin: p.gtin ?? null,
        batch: p.batch ?? null,
        expiry: p.expiry ?? null,
        document_id: p.documentId ?? null,
        scanner_id: p.scannerId ?? null,
        scanned_by: p.scannedBy,
        scanned_at: p.scannedAt,
      }
    },
  },
  'qc.layoutTemplate': {
    table: 'layout_template_events',
    columns: [...templateColumns.slice(0, 3), ['supplier_key', 'text'], ...templateColumns.slice(3)],
    toRow: (gt) => {
      if (gt.kind !== 'qc.layoutTemplate') throw new Error('kind mismatch')
      return { ...templateRow(gt.payload), supplier_key: gt.payload.template?.supplierKey ?? null }
    },
  },
  'tenders.portalTemplate': {
    table: 'portal_template_events',
    columns: [
      ...templateColumns.slice(0, 3),
      ['portal_key', 'text'],
      ['field', 'text'],
      ...templateColumns.slice(3),
    ],
    toRow: (gt) => {
      if (gt.kind !== 'tenders.portalTemplate') throw new Error('kind mismatch')
      const t = gt.payload.template
      return { ...templateRow(gt.payload), portal_key: t?.portal.key ?? null, field: t?.field ?? null }
    },
  },
}

/** A scan about a document splits with that document; a lone scan by its code. */
export function scanSplitKey(documentId: string | undefined, code: string): string {
  return documentId ?? `scan:${code}`
}

/** Builds INSERT … SELECT FROM jsonb_to_recordset: one round trip for a whole batch of rows. */
function bulkInsert(tx: Tx, tenant: string, spec: TableSpec, rows: Row[]) {
  const names = spec.columns.map(([n]) => n)
  const typed = spec.columns.map(([n, t]) => `${n} ${t}`).join(', ')
  return tx.query(
    `INSERT INTO ${spec.table} (tenant_id, ${names.join(', ')})
     SELECT $1, ${names.map((n) => `r.${n}`).join(', ')} FROM jsonb_to_recordset($2::jsonb) AS r(${typed})`,
    [tenant, JSON.stringify(rows)],
  )
}

export type IngestOutcome = { storedIds: Set<string> }

/**
 * Stores a batch in ONE transaction: the idempotency log first (ON CONFLICT DO NOTHING, so a
 * replayed id is skipped, including one committed by a concurrent request a moment ago), then the
 * ground-truth rows of only the ids that were new. A crash anywhere rolls all of it back and the
 * desk, having no ack, sends the batch again.
 */
export async function storeBatch(
  db: Db,
  desk: DeskIdentity,
  accepted: AcceptedRecord[],
  receivedAt: Date,
  queueDepth: number | undefined,
): Promise<IngestOutcome> {
  return withTenant(db, desk.tenantId, async (tx) => {
    const storedIds = new Set<string>()
    if (accepted.length > 0) {
      const log = accepted.map(({ record }) => ({
        id: record.id,
        kind: record.kind,
        entity_table: record.entityTable,
        entity_id: record.entityId,
        payload: record.payload,
        created_at: record.createdAt,
      }))
      const inserted = await tx.query<{ id: string }>(
        `INSERT INTO ingest_records (tenant_id, id, desk_id, kind, entity_table, entity_id, payload, created_at, received_at)
         SELECT $1, r.id, $2, r.kind, r.entity_table, r.entity_id, r.payload, r.created_at, $3
           FROM jsonb_to_recordset($4::jsonb)
             AS r(id uuid, kind text, entity_table text, entity_id text, payload jsonb, created_at timestamptz)
         ON CONFLICT DO NOTHING
         RETURNING id`,
        [desk.tenantId, desk.deskId, receivedAt, JSON.stringify(log)],
      )
      for (const row of inserted.rows) storedIds.add(row.id)

      const byKind = new Map<GroundTruth['kind'], Row[]>()
      for (const { record, groundTruth } of accepted) {
        if (!storedIds.has(record.id)) continue
        const spec = TABLES[groundTruth.kind]
        const rows = byKind.get(groundTruth.kind) ?? []
        rows.push({ record_id: record.id, ...spec.toRow(groundTruth) })
        byKind.set(groundTruth.kind, rows)
      }
      for (const [kind, rows] of byKind) await bulkInsert(tx, desk.tenantId, TABLES[kind], rows)
    }
    const oldest = accepted.reduce<number | null>((min, { record }) => {
      const t = Date.parse(record.createdAt)
      return min === null || t < min ? t : min
    }, null)
    await tx.query(
      `UPDATE desks SET first_ingest_at = COALESCE(first_ingest_at, $2), last_ingest_at = $2,
              last_ingest_lag_seconds = COALESCE($3, last_ingest_lag_seconds),
              reported_queue_depth = COALESCE($4, reported_queue_depth)
        WHERE desk_id = $1`,
      [
        desk.deskId,
        receivedAt,
        oldest === null ? null : Math.max(0, (receivedAt.getTime() - oldest) / 1000),
        queueDepth ?? null,
      ],
    )
    return { storedIds }
  })
}
