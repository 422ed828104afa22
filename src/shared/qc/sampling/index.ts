import { containerPlan, type ContainerPlanKind } from './containers'
import { iso2859Plan, type InspectionLevel } from './iso2859'
import { pickUnits, PRNG_NAME } from './shuffle'

export * from './iso2859'
export * from './containers'
export { pickUnits, seededRandom, PRNG_NAME } from './shuffle'

export type SamplingPlanKind = 'iso2859' | ContainerPlanKind

export interface SamplingRequest {
  plan: SamplingPlanKind
  lotSize: number
  /** ISO 2859-1 only. */
  level?: InspectionLevel
  seed: string
}

/** What the audit trail records: enough to re-derive the same list from the seed. */
export interface SamplingResult {
  plan: SamplingPlanKind
  lotSize: number
  level?: InspectionLevel
  codeLetter?: string
  formula?: string
  sampleSize: number
  seed: string
  prng: string
  /** Unit or container numbers (1-based), ascending. */
  picks: number[]
  /** The same numbers in the order they were drawn. */
  drawOrder: number[]
  note?: string
}

export function planSample(request: SamplingRequest): SamplingResult {
  const base = { lotSize: request.lotSize, seed: request.seed, prng: PRNG_NAME }
  let result: Omit<SamplingResult, 'picks' | 'drawOrder' | 'seed' | 'prng' | 'lotSize'>
  if (request.plan === 'iso2859') {
    const p = iso2859Plan(request.lotSize, request.level ?? 'II')
    result = {
      plan: 'iso2859',
      level: p.level,
      codeLetter: p.codeLetter,
      sampleSize: p.sampleSize,
      ...(p.note ? { note: p.note } : {}),
    }
  } else {
    const p = containerPlan(request.lotSize, request.plan)
    result = { plan: p.plan, formula: p.formula, sampleSize: p.sampleSize }
  }
  const { drawn, sorted } = pickUnits(request.seed, request.lotSize, result.sampleSize)
  return { ...result, ...base, picks: sorted, drawOrder: drawn }
}

const PLAN_TITLES: Record<SamplingPlanKind, string> = {
  iso2859: 'ISO 2859-1 / ANSI Z1.4, single sampling, normal inspection',
  sqrt: '√N + 1 containers',
  'who-n': 'WHO n-plan',
  'who-p': 'WHO p-plan',
  'who-r': 'WHO r-plan',
}

/** A pick list for paper: the plan, the seed, numbered boxes to tick, and a place to sign. */
export function pickListText(result: SamplingResult, title = 'Sampling pick list'): string {
  const unit = result.plan === 'iso2859' ? 'unit' : 'container'
  const lines = [
    title,
    '='.repeat(title.length),
    `Plan:        ${PLAN_TITLES[result.plan]}`,
    `Lot size:    ${result.lotSize} ${unit}s`,
    ...(result.level ? [`Level:       ${result.level}   Code letter: ${result.codeLetter}`] : []),
    ...(result.formula ? [`Formula:     ${result.formula}`] : []),
    `Sample size: ${result.sampleSize}`,
    `Seed:        ${result.seed}`,
    `Generator:   ${result.prng}`,
    ...(result.note ? [`Note:        ${result.note}`] : []),
    '',
    `Take these ${unit}s (numbered 1 to ${result.lotSize}):`,
  ]
  const width = String(result.lotSize).length
  const perRow = 6
  for (let i = 0; i < result.picks.length; i += perRow) {
    lines.push(
      result.picks
        .slice(i, i + perRow)
        .map((n) => `[ ] ${String(n).padStart(width)}`)
        .join('   '),
    )
  }
  lines.push('', 'Sampled by: ____________________   Date: ____________   Signature: ____________________')
  return lines.join('\n') + '\n'
}
