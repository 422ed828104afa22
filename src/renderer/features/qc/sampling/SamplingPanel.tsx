import { useState, type FormEvent } from 'react'
import { INSPECTION_LEVELS, type InspectionLevel, type SamplingPlanKind } from '../../../../shared/qc'
import type { CoaRecord, TenantDb } from '../../../db'
import { actorName } from '../qc-store'
import { useLive } from '../use-qc-db'
import { PickList } from './PickList'
import { recordSampling } from './sampling'

const PLANS: { id: SamplingPlanKind; label: string }[] = [
  { id: 'iso2859', label: 'ISO 2859-1 (units)' },
  { id: 'sqrt', label: '√N + 1 (containers)' },
  { id: 'who-n', label: 'WHO n-plan' },
  { id: 'who-p', label: 'WHO p-plan' },
  { id: 'who-r', label: 'WHO r-plan' },
]

const randomSeed = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, '0')).join('')

/** Draws a seeded sample for the batch; the newest draw is the open pick list. */
export function SamplingPanel({ db, record }: { db: TenantDb; record: CoaRecord }) {
  const samplings = useLive(
    db,
    (d) => d.samplings.where('coaRecordId').equals(record.id).sortBy('createdAt'),
    [record.id],
  )
  const [lotSize, setLotSize] = useState('')
  const [plan, setPlan] = useState<SamplingPlanKind>('sqrt')
  const [level, setLevel] = useState<InspectionLevel>('II')
  const [seed, setSeed] = useState(randomSeed)
  const [error, setError] = useState<string | null>(null)
  const latest = samplings?.at(-1)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const n = Number(lotSize)
    if (!Number.isInteger(n) || n < 1)
      return setError('The lot size is a whole number of units or containers.')
    if (seed.trim() === '') return setError('Give a seed (any text) so the draw can be repeated.')
    try {
      await recordSampling(
        db,
        { plan, lotSize: n, seed: seed.trim(), ...(plan === 'iso2859' ? { level } : {}) },
        { batch: record.batch, coaRecordId: record.id },
        actorName(),
      )
      setError(null)
      setSeed(randomSeed())
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }

  return (
    <section className="card qc-sampling" aria-labelledby="qc-sampling-title">
      <h3 id="qc-sampling-title">Sampling</h3>
      <form aria-label="Draw a sample" onSubmit={(e) => void submit(e)} className="qc-sampling-form">
        <label>
          Lot size
          <input inputMode="numeric" value={lotSize} onChange={(e) => setLotSize(e.target.value)} />
        </label>
        <label>
          Plan
          <select value={plan} onChange={(e) => setPlan(e.target.value as SamplingPlanKind)}>
            {PLANS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        {plan === 'iso2859' && (
          <label>
            Inspection level
            <select value={level} onChange={(e) => setLevel(e.target.value as InspectionLevel)}>
              {INSPECTION_LEVELS.map((l) => (
                <option key={l}>{l}</option>
              ))}
            </select>
          </label>
        )}
        <label>
          Seed
          <input value={seed} onChange={(e) => setSeed(e.target.value)} />
        </label>
        <button type="submit">Draw sample</button>
        {error && (
          <p role="alert" className="inline-error">
            {error}
          </p>
        )}
      </form>
      {latest && <PickList sampling={latest} />}
    </section>
  )
}
