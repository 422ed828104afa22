import { DeskError, type CoaReportDto } from '../../../shared/contract'
import { compileSpec } from '../../../shared/qc'
import { coaResultSchema, fieldCorrectionSchema } from '../../../shared/sync/kinds'
import {
  recordChange,
  recordLocalChange,
  type CoaRecord,
  type SignatureMeaning,
  type SpecificationRow,
  type TenantDb,
} from '../../db'
import type { VerifySignature } from './desk-signers'
import { reviewReport } from './effective'
import { readQcSettings } from './settings'
import { signatureOutcome, workAuthor } from './signing'

/** The hub wants to know which reader produced a value a person corrected. */
export const QC_MODEL_VERSION = 'pebble-qc-table/1'

export interface NewRecord {
  batch: string
  product: string
  gtin?: string
  documentId?: string
  documentName?: string
  documentHash?: string
}

export async function createRecord(db: TenantDb, input: NewRecord, actor: string): Promise<CoaRecord> {
  const { entity } = await recordLocalChange(db, {
    table: 'coaRecords',
    action: 'create',
    actor,
    entity: {
      ...input,
      status: input.documentId ? 'in-review' : 'awaiting-coa',
      edits: [],
      signatures: [],
      scans: [],
    },
  })
  return entity!
}

export async function findRecordByBatch(db: TenantDb, batch: string): Promise<CoaRecord | undefined> {
  // An archived record is a mistake set aside: a new check or scan of its batch does not reopen it.
  const rows = (await db.coaRecords.where('batch').equals(batch.trim()).toArray()).filter((r) => !r.archived)
  return rows.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0]
}

export interface CheckRun {
  report: CoaReportDto
  spec: SpecificationRow
  documentId: string
  documentName: string
  documentHash: string
}

/** Stores a check's report on the record; a new check clears nothing (edits and signatures stay). */
export async function saveCheck(db: TenantDb, record: CoaRecord, run: CheckRun, actor: string) {
  if (record.status === 'approved' || record.status === 'rejected')
    throw new DeskError('FORBIDDEN', `this record is already ${record.status}`)
  const { entity } = await recordLocalChange(db, {
    table: 'coaRecords',
    action: 'update',
    actor,
    entity: {
      id: record.id,
      report: run.report,
      checkedAt: db.nowIso(),
      // Whose work an approval verifies when nobody corrected a value (see workAuthor).
      checkedBy: actor,
      specId: run.spec.id,
      specVersion: run.spec.version,
      documentId: run.documentId,
      documentName: run.documentName,
      documentHash: run.documentHash,
      product: record.product || run.report.product || run.spec.product,
      status: 'in-review',
    },
  })
  return entity!
}

export interface ValueCorrection {
  parameter: string
  value: string
  reason: string
}

/** The person signing a step: their desk name and the PIN or passphrase they typed for it. */
export interface Signer {
  name: string
  secret: string
}

/**
 * A corrected result: the original stays in the report, the edit is appended and goes to the hub.
 * Every correction is the signer's 'reviewed' signature, checked by the desk (role, lockout) before
 * any transaction opens: IndexedDB commits a transaction that waits on anything but itself.
 */
export async function editValue(
  db: TenantDb,
  record: CoaRecord,
  input: ValueCorrection,
  signer: Signer,
  verify: VerifySignature,
) {
  if (record.status === 'approved' || record.status === 'rejected')
    throw new DeskError('FORBIDDEN', `this record is already ${record.status}; values cannot change`)
  const p = record.report?.parameters.find((x) => x.specName === input.parameter)
  if (!p) throw new DeskError('NOT_FOUND', `no parameter "${input.parameter}" on this record`)
  const reason = input.reason.trim()
  if (reason === '') throw new DeskError('INVALID_INPUT', 'a reason is required to change a value')
  if (signer.secret === '')
    throw new DeskError('INVALID_INPUT', `Enter ${signer.name}’s PIN or passphrase to sign the correction.`)
  const { user, at } = await verify({ name: signer.name, secret: signer.secret, meaning: 'reviewed' })
  const actor = user.name
  const previous = [...record.edits].reverse().find((e) => e.parameter === input.parameter)
  const original = previous?.value ?? p.result ?? ''
  const edit = { parameter: input.parameter, original, value: input.value.trim(), reason, by: actor, at }
  const entity = { id: record.id, edits: [...record.edits, edit] }
  if (!record.documentId || !record.documentHash) {
    return (await recordLocalChange(db, { table: 'coaRecords', action: 'update', actor, entity })).entity!
  }
  const payload = fieldCorrectionSchema.parse({
    documentId: record.documentId,
    documentHash: record.documentHash,
    field: `coa.${input.parameter}`,
    originalValue: original,
    correctedValue: edit.value,
    modelVersion: QC_MODEL_VERSION,
    confidence: Math.max(0, Math.min(1, (p.confidence ?? 0) / 100)),
    correctedBy: actor,
    correctedAt: at,
  })
  const { entity: saved } = await recordChange(db, {
    table: 'coaRecords',
    action: 'update',
    actor,
    entity,
    outbox: { kind: 'field.correction', payload },
  })
  return saved!
}

export interface SignInput {
  signer: string
  meaning: SignatureMeaning
  secret: string
}

/**
 * An electronic signature. The record's own rules (already signed, failing parameters, the tenant's
 * second-person setting) are applied first, so a signature the record would refuse never reaches
 * the desk's audit chain; then the desk re-authenticates the signer and applies its role,
 * second-person and lockout rules, before the transaction opens (see editValue).
 */
export async function signRecord(
  db: TenantDb,
  record: CoaRecord,
  input: SignInput,
  verify: VerifySignature,
): Promise<{ record: CoaRecord; note?: string }> {
  const specRow = record.specId ? await db.specifications.get(record.specId) : undefined
  const spec = specRow ? compileSpec(specRow.spec) : undefined
  const reviewed = record.report ? reviewReport(record.report, spec, record.edits) : undefined
  const settings = await readQcSettings(db)
  const rules = { secondPerson: settings.secondPerson, failing: reviewed?.failing ?? [] }
  const asked = signatureOutcome(record, input.signer, input.meaning, rules)
  if (!asked.ok) throw new DeskError('FORBIDDEN', asked.reason)
  const author = input.meaning === 'reviewed' ? undefined : workAuthor(record)
  const { user: signer, at } = await verify({
    name: input.signer,
    secret: input.secret,
    meaning: input.meaning,
    ...(author === undefined ? {} : { author }),
  })
  // Again with the name as the desk spells it, which the signatures already on the record use.
  const outcome = signatureOutcome(record, signer.name, input.meaning, rules)
  if (!outcome.ok) throw new DeskError('FORBIDDEN', outcome.reason)

  const entity = {
    id: record.id,
    status: outcome.status,
    signatures: [...record.signatures, { signer: signer.name, meaning: input.meaning, at }],
  }
  const decided = outcome.status === 'approved' || outcome.status === 'rejected'
  let saved: CoaRecord | undefined
  if (decided && reviewed && record.documentId && record.documentHash) {
    const payload = coaResultSchema.parse({
      documentId: record.documentId,
      documentHash: record.documentHash,
      certificateId: record.id,
      verdict: outcome.status === 'approved' ? 'pass' : 'fail',
      results: reviewed.parameters.map((p) => ({
        parameter: p.specName,
        value: p.result ?? null,
        spec: p.limit.slice(0, 500),
        pass: p.verdict === 'pass' || p.verdict === 'warn',
      })),
      modelVersion: QC_MODEL_VERSION,
      validatedBy: signer.name,
      validatedAt: at,
    })
    saved = (
      await recordChange(db, {
        table: 'coaRecords',
        action: 'update',
        actor: signer.name,
        entity,
        outbox: { kind: 'coa.result', payload },
      })
    ).entity
  } else {
    saved = (
      await recordLocalChange(db, { table: 'coaRecords', action: 'update', actor: signer.name, entity })
    ).entity
  }
  return { record: saved!, ...(outcome.note ? { note: outcome.note } : {}) }
}
