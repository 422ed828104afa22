import type { Scan } from '../../../shared/contract'
import { scanSchema as scanPayloadSchema } from '../../../shared/sync/kinds'
import { recordChange, type CoaRecord, type SamplingRow, type TenantDb } from '../../db'
import { markPicked, unitFromLabel, type PickOutcome } from './sampling/sampling'
import { describeParseError } from '../scanners/describe-scan'
import { findRecordByBatch } from './records'

export type ScanHandling =
  | { kind: 'picked'; unit: number; outcome: PickOutcome; samplingId: string }
  | { kind: 'opened'; record: CoaRecord; created: boolean; expiryWarning?: string }
  /** No record has this batch: nothing was created; the user decides (createRecordFromScan). */
  | { kind: 'unknown'; batch: string; scan: Scan }
  | { kind: 'error'; message: string }

const element = (scan: Scan, ai: string) => scan.gs1?.elements.find((e) => e.ai === ai)

/** "yyyy-mm-dd" when the text starts with one; COA expiries are stored as read. */
const isoDay = (text: string | undefined): string | undefined => /^\d{4}-\d{2}-\d{2}/.exec(text ?? '')?.[0]

/** The label's expiry, AI (17), against the expiry read from the COA; a sentence when they differ. */
export function expiryMismatch(
  labelExpiry: string | undefined,
  coaExpiry: string | undefined,
): string | undefined {
  const label = isoDay(labelExpiry)
  const coa = isoDay(coaExpiry)
  if (!label || !coa || label === coa) return undefined
  return `The label's expiry ${label} (AI 17) does not match the COA's expiry ${coa}.`
}

function deviceName(scan: Scan): string {
  return scan.source === 'keyboard' ? 'keyboard scanner' : scan.device.path
}

/**
 * What a scan means on the QC desk. With a pick list open, a unit label marks that unit picked;
 * otherwise a batch label, AI (10), opens that batch's COA record. A batch no record knows creates
 * nothing: it comes back as `unknown` for the user to decide (createRecordFromScan). Every link is
 * audited and sent to the hub as a `scan`.
 */
export async function handleQcScan(
  db: TenantDb,
  scan: Scan,
  actor: string,
  pickList: SamplingRow | null,
): Promise<ScanHandling> {
  if (scan.parseError || !scan.gs1) {
    // "at position 4: …", the position said once (the parse message itself starts "at 4: ").
    const why = scan.parseError ? ` ${describeParseError(scan.parseError)}` : ': not a GS1 barcode'
    return {
      kind: 'error',
      message: `Unreadable label${why}. The scan was logged; scan it again or type the batch.`,
    }
  }
  if (pickList && element(scan, '21')) {
    const read = unitFromLabel(scan.gs1, pickList.batch)
    if (!read.ok) return { kind: 'error', message: read.reason }
    const outcome = await markPicked(db, pickList, read.unit, actor)
    return { kind: 'picked', unit: read.unit, outcome, samplingId: pickList.id }
  }
  const batch = element(scan, '10')?.value.trim()
  if (!batch)
    return {
      kind: 'error',
      message:
        'This label has no batch number, AI (10), so it cannot be matched to a COA. Scan the container label.',
    }
  const existing = await findRecordByBatch(db, batch)
  if (!existing) return { kind: 'unknown', batch, scan }
  const { link, outbox, expiry, gtin } = scanLink(scan, batch, actor, existing)
  const { entity } = await recordChange(db, {
    table: 'coaRecords',
    action: 'update',
    actor,
    entity: {
      id: existing.id,
      scans: [...existing.scans, link],
      ...(gtin && !existing.gtin ? { gtin } : {}),
    },
    outbox,
  })
  const warning = expiryMismatch(expiry, existing.report?.expiry)
  return { kind: 'opened', record: entity!, created: false, ...(warning ? { expiryWarning: warning } : {}) }
}

/** The scan as linked to a record, and the `scan` the hub is sent. */
function scanLink(scan: Scan, batch: string, actor: string, existing: CoaRecord | undefined) {
  const gtin = element(scan, '01')?.value
  const expiry = element(scan, '17')?.date
  const link = {
    scanId: scan.id,
    at: scan.timestamp,
    data: scan.data,
    device: deviceName(scan),
    ...(expiry ? { expiry } : {}),
    ...(gtin ? { gtin } : {}),
  }
  const payload = scanPayloadSchema.parse({
    code: scan.data.slice(0, 500),
    ...(gtin && /^\d{14}$/.test(gtin) ? { gtin } : {}),
    batch: batch.slice(0, 100),
    ...(expiry ? { expiry } : {}),
    ...(existing?.documentId ? { documentId: existing.documentId } : {}),
    scannerId: deviceName(scan).slice(0, 200),
    scannedBy: actor,
    scannedAt: new Date(scan.timestamp).toISOString(),
  })
  return { link, outbox: { kind: 'scan', payload }, expiry, gtin }
}

/**
 * The user's "Create record" for a lot no record knows: a record awaiting its COA, with the scan
 * linked, audited and sent to the hub. A record made meanwhile (another scan, a check) is used instead.
 */
export async function createRecordFromScan(
  db: TenantDb,
  scan: Scan,
  batch: string,
  actor: string,
): Promise<{ record: CoaRecord; created: boolean }> {
  const existing = await findRecordByBatch(db, batch)
  if (existing) {
    const handled = await handleQcScan(db, scan, actor, null)
    if (handled.kind === 'opened') return { record: handled.record, created: false }
  }
  const { link, outbox, gtin } = scanLink(scan, batch, actor, undefined)
  const { entity } = await recordChange(db, {
    table: 'coaRecords',
    action: 'create',
    actor,
    entity: {
      batch,
      product: '',
      ...(gtin ? { gtin } : {}),
      status: 'awaiting-coa',
      edits: [],
      signatures: [],
      scans: [link],
    },
    outbox,
  })
  return { record: entity!, created: true }
}
