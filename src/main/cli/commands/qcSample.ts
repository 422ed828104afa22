import { planSample, isInspectionLevel, pickListText, type SamplingPlanKind } from '../../../shared/qc'
import { EXIT, printResult, UsageError, type CliIo, type OutputMode } from '../io'
import type { CliValues } from '../run'

const PLANS: SamplingPlanKind[] = ['iso2859', 'sqrt', 'who-n', 'who-p', 'who-r']

/** `pebble-desk qc sample --lot-size N [--level II] [--plan iso2859|sqrt|who-n|who-p|who-r] --seed S`. */
export function runQcSample(values: CliValues, rest: string[], io: CliIo, mode: OutputMode): number {
  if (rest.length > 0) throw new UsageError(`sample takes options only (got "${rest[0]}")`)
  const lotSize = Number(values['lot-size'])
  if (
    values['lot-size'] === undefined ||
    !Number.isInteger(lotSize) ||
    lotSize < 1 ||
    lotSize > 100_000_000
  ) {
    throw new UsageError(
      `--lot-size must be a whole number from 1 to 100000000 (got "${values['lot-size'] ?? ''}")`,
    )
  }
  const plan = (values.plan ?? 'iso2859') as SamplingPlanKind
  if (!PLANS.includes(plan))
    throw new UsageError(`--plan must be one of ${PLANS.join(', ')} (got "${values.plan}")`)
  const level = (values.level ?? 'II').toUpperCase()
  if (!isInspectionLevel(level))
    throw new UsageError(`--level must be I, II, III or S-1 to S-4 (got "${values.level}")`)
  if (plan !== 'iso2859' && values.level !== undefined)
    throw new UsageError('--level belongs to --plan iso2859')
  if (plan === 'iso2859' && lotSize < 2) throw new UsageError('ISO 2859-1 lots have at least 2 units')
  if (!values.seed)
    throw new UsageError('sample needs --seed (record it: the same seed gives the same pick list)')
  const result = planSample({ plan, lotSize, level, seed: values.seed })
  printResult(io, mode, { ...result, pickList: pickListText(result) }, pickListText(result))
  return EXIT.ok
}
