/**
 * Container sampling for starting materials. √N+1 is the classic plan (n = 1 + √N, rounded up);
 * WHO TRS 929 Annex 4 adds p = 0.4√N (containers opened for identity tests, then pooled) and
 * r = 1.5√N (material from a source of doubtful uniformity), all rounded up and capped at N.
 */
export type ContainerPlanKind = 'sqrt' | 'who-n' | 'who-p' | 'who-r'

export interface ContainerPlan {
  plan: ContainerPlanKind
  lotSize: number
  formula: string
  sampleSize: number
}

const FORMULA: Record<ContainerPlanKind, [string, (n: number) => number]> = {
  sqrt: ['n = 1 + √N', (n) => 1 + Math.sqrt(n)],
  'who-n': ['n = 1 + √N', (n) => 1 + Math.sqrt(n)],
  'who-p': ['p = 0.4 √N', (n) => 0.4 * Math.sqrt(n)],
  'who-r': ['r = 1.5 √N', (n) => 1.5 * Math.sqrt(n)],
}

export function containerPlan(lotSize: number, plan: ContainerPlanKind = 'sqrt'): ContainerPlan {
  if (!Number.isInteger(lotSize) || lotSize < 1)
    throw new RangeError(`number of containers must be a whole number of at least 1 (got ${lotSize})`)
  const [formula, f] = FORMULA[plan]
  // Rounding guards against √ of a perfect square landing a hair above the integer.
  const raw = Number(f(lotSize).toPrecision(12))
  return { plan, lotSize, formula, sampleSize: Math.min(lotSize, Math.max(1, Math.ceil(raw))) }
}
