import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  groundTruthPageSchema,
  retrainStatusSchema,
  type GroundTruthItem,
} from '../../src/shared/sync/hub-api'
import { splitOf } from '../../src/shared/sync/split'
import { ADMIN_TOKEN, startTestHub, type TestHub } from './support/hub'
import { correction, postIngest, scan, tenderDecision } from './support/records'

let hub: TestHub
let token: string
let now = new Date('2026-03-02T09:00:00.000Z')

beforeAll(async () => {
  hub = await startTestHub({ clock: () => now, env: { RETRAIN_CONFIDENCE_WINDOW: '10' } })
  token = await hub.desk('lab', 'lab-desk')
})
afterAll(() => hub.close())

async function readSplit(split: 'train' | 'validation', limit = 7): Promise<GroundTruthItem[]> {
  const items: GroundTruthItem[] = []
  let after: string | null = null
  do {
    const q: string = `split=${split}&limit=${limit}${after === null ? '' : `&after=${after}`}`
    const r = await fetch(`${hub.url}/v1/tenants/lab/ground-truth?${q}`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(r.status).toBe(200)
    const page = groundTruthPageSchema.parse(await r.json())
    items.push(...page.items)
    after = page.nextAfter
  } while (after !== null)
  return items
}

describe('GET /v1/tenants/:t/ground-truth', () => {
  it('splits 80/20 by document, never moves a document, and is stable as data grows', async () => {
    const docs = Array.from({ length: 60 }, (_, i) => `doc-${i}`)
    const first = docs.flatMap((d) => [correction('lab', { documentId: d }), tenderDecision('lab', d)])
    expect((await postIngest(hub.url, token, { records: first })).status).toBe(200)
    const train1 = await readSplit('train')
    const validation1 = await readSplit('validation')
    expect(train1.length + validation1.length).toBe(120)
    const trainDocs = new Set(train1.map((i) => i.splitKey))
    const validationDocs = new Set(validation1.map((i) => i.splitKey))
    expect([...trainDocs].filter((d) => validationDocs.has(d))).toEqual([])
    for (const d of trainDocs) expect(splitOf(d)).toBe('train')
    for (const d of validationDocs) expect(splitOf(d)).toBe('validation')
    // Roughly 80/20 over 60 documents (exact proportions only hold in the limit).
    expect(trainDocs.size).toBeGreaterThan(36)
    expect(validationDocs.size).toBeGreaterThan(4)

    const more = [
      ...docs.slice(0, 20).map((d) => correction('lab', { documentId: d })),
      ...Array.from({ length: 40 }, (_, i) => correction('lab', { documentId: `new-${i}` })),
      scan('lab', '(01)09506000134352(10)B7'),
    ]
    expect((await postIngest(hub.url, token, { records: more })).status).toBe(200)
    const train2 = await readSplit('train')
    const validation2 = await readSplit('validation', 1000)
    expect(train2.length + validation2.length).toBe(181)
    const ids2 = new Set(train2.map((i) => i.recordId))
    for (const item of train1) expect(ids2.has(item.recordId)).toBe(true)
    for (const item of validation2) expect(trainDocs.has(item.splitKey)).toBe(false)
    expect(validation2.concat(train2).find((i) => i.kind === 'scan')?.splitKey).toBe(
      'scan:(01)09506000134352(10)B7',
    )
  })

  it('rejects a bad split with a reason', async () => {
    const r = await fetch(`${hub.url}/v1/tenants/lab/ground-truth?split=test`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    })
    expect(r.status).toBe(400)
    expect(await r.json()).toMatchObject({ error: 'INVALID_INPUT', message: expect.stringMatching(/split/) })
  })
})

describe('GET /v1/tenants/:t/retrain-status', () => {
  async function status() {
    const r = await fetch(`${hub.url}/v1/tenants/lab/retrain-status`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(r.status).toBe(200)
    return retrainStatusSchema.parse(await r.json())
  }
  async function train(at: string) {
    const r = await fetch(`${hub.url}/v1/tenants/lab/trainings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ trainedAt: at, modelVersion: 'coa-extract@1.5.0' }),
    })
    expect(r.status).toBe(201)
  }
  const confident = (n: number, confidence: number, at: string) =>
    Array.from({ length: n }, () => correction('lab', { confidence, at }))

  it('names the rule that fired: never trained, then confidence, then age', async () => {
    expect(await status()).toMatchObject({ due: true, rule: 'never-trained' })

    await train('2026-03-01T00:00:00.000Z')
    // The latest 10 results are confident, older low-confidence ones have rolled out of the window.
    await postIngest(hub.url, token, { records: confident(10, 0.95, '2026-03-05T00:00:00.000Z') })
    expect(await status()).toMatchObject({
      due: false,
      rule: null,
      averageConfidence: 0.95,
      confidenceSamples: 10,
    })

    await postIngest(hub.url, token, { records: confident(6, 0.5, '2026-03-06T00:00:00.000Z') })
    const low = await status()
    expect(low).toMatchObject({ due: true, rule: 'confidence', confidenceSamples: 10 })
    expect(low.averageConfidence).toBeCloseTo((6 * 0.5 + 4 * 0.95) / 10, 6)
    expect(low.reason).toMatch(/below 0.85/)

    await postIngest(hub.url, token, { records: confident(10, 0.99, '2026-03-07T00:00:00.000Z') })
    now = new Date('2026-03-30T23:00:00.000Z')
    expect(await status()).toMatchObject({ due: false })
    now = new Date('2026-03-31T00:00:00.000Z')
    expect(await status()).toMatchObject({ due: true, rule: 'age', daysSinceTraining: 30 })
  })
})
