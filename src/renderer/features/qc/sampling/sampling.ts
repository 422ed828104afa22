import type { Gs1ResultDto } from '../../../../shared/contract'
import { planSample, type SamplingRequest } from '../../../../shared/qc'
import { recordLocalChange, type SamplingRow, type TenantDb } from '../../../db'

export async function recordSampling(
  db: TenantDb,
  request: SamplingRequest,
  context: { batch: string; coaRecordId?: string },
  actor: string,
): Promise<SamplingRow> {
  // planSample throws RangeError with a sentence for an impossible lot; callers show it as is.
  const result = planSample(request)
  const { entity } = await recordLocalChange(db, {
    table: 'samplings',
    action: 'create',
    actor,
    entity: { ...context, result: { ...result }, picked: [] },
  })
  return entity!
}

/**
 * Which unit a label names: the serial number, AI (21), read as the unit or container number
 * printed on the pick list (1…lot size). A label whose batch, AI (10), is not the pick list's batch
 * names a unit of some other lot.
 */
export type UnitRead = { ok: true; unit: number } | { ok: false; reason: string }

export function unitFromLabel(gs1: Gs1ResultDto, batch: string): UnitRead {
  const lot = gs1.elements.find((e) => e.ai === '10')?.value
  if (lot !== undefined && batch !== '' && lot.trim() !== batch.trim())
    return { ok: false, reason: `This label is for batch ${lot}, not ${batch}.` }
  const serial = gs1.elements.find((e) => e.ai === '21')?.value
  if (serial === undefined) return { ok: false, reason: 'This label has no unit number (AI 21).' }
  const unit = /^\d{1,9}$/.test(serial.trim()) ? Number(serial.trim()) : NaN
  if (!Number.isInteger(unit) || unit < 1)
    return { ok: false, reason: `Unit number "${serial}" in AI (21) is not a whole number.` }
  return { ok: true, unit }
}

export type PickOutcome = 'picked' | 'already-picked' | 'not-on-list'

export async function markPicked(
  db: TenantDb,
  sampling: SamplingRow,
  unit: number,
  actor: string,
): Promise<PickOutcome> {
  if (!sampling.result.picks.includes(unit)) return 'not-on-list'
  if (sampling.picked.includes(unit)) return 'already-picked'
  await recordLocalChange(db, {
    table: 'samplings',
    action: 'update',
    actor,
    entity: { id: sampling.id, picked: [...sampling.picked, unit] },
  })
  return 'picked'
}
