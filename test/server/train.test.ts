import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../../server/cli'
import { withTenant } from '../../server/db/pool'
import { FEATURE_EXTRACTOR_ID, isValidation } from '../../src/shared/learning'
import { retrainStatusSchema, trainReportSchema, type TrainReport } from '../../src/shared/sync/hub-api'
import { trainingBids } from '../support/documents/relevance/bids'
import { startTestHub, type TestHub } from './support/hub'
import { bidDecision } from './support/learning'
import { correction, postIngest } from './support/records'

let hub: TestHub
let token: string
const bids = trainingBids(90)
const first = bids.slice(0, 60)
const later = bids.slice(60)
const at = (day: number) => new Date(Date.UTC(2026, 5, day, 9)).toISOString()

beforeAll(async () => {
  hub = await startTestHub()
  token = await hub.desk('lab', 'lab-desk')
})
afterAll(() => hub.close())

/** `npm run hub -- train …` in this process: its exit code, what it printed, or what it threw. */
async function hubCli(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = ''
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk)
    return true
  })
  try {
    const code = await runCli(args, { DATABASE_URL: hub.database.url, LOG_LEVEL: 'silent' })
    return { code, stdout }
  } finally {
    spy.mockRestore()
  }
}

async function train(): Promise<TrainReport> {
  const { code, stdout } = await hubCli(['train', '--tenant', 'lab', '--kind', 'relevance'])
  expect(code).toBe(0)
  return trainReportSchema.parse(JSON.parse(stdout))
}

async function splitOf(version: string): Promise<Map<string, { split: string; recordId: string }>> {
  return withTenant(hub.db, 'lab', async (tx) => {
    const r = await tx.query<{ document_id: string; split: string; record_id: string }>(
      'SELECT document_id, split, record_id FROM model_split_records WHERE version = $1',
      [version],
    )
    return new Map(r.rows.map((row) => [row.document_id, { split: row.split, recordId: row.record_id }]))
  })
}

describe('decisions carry hashed features', () => {
  it('rejects features of another extractor or outside the hash space, naming the field', async () => {
    const bid = first[0]!
    const wrongExtractor = bidDecision('lab', bid, 'relevant', at(1))
    ;(wrongExtractor.payload as { features: { extractor: string } }).features.extractor =
      'hashed-tokens-v0-1024'
    const outOfRange = bidDecision('lab', bid, 'relevant', at(1))
    ;(outOfRange.payload as { features: { values: number[][] } }).features.values = [[5000, 0.5]]
    const { json } = await postIngest(hub.url, token, { records: [wrongExtractor, outOfRange] })
    const { results } = json as { results: Array<{ status: string; reason?: string }> }
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    expect(results[0]?.reason).toMatch(/features\.extractor/)
    expect(results[1]?.reason).toMatch(/features\.values/)
  })
})

describe('npm run hub -- train --tenant T --kind relevance', () => {
  let v1: TrainReport

  it('refuses a tenant with nothing to learn from, and a kind it does not train', async () => {
    await postIngest(hub.url, token, { records: [correction('lab', { confidence: 0.95 })] })
    await expect(hubCli(['train', '--tenant', 'lab', '--kind', 'relevance'])).rejects.toThrow(
      new RegExp(
        `tenant lab has no relevant/irrelevant decision with features \\(${FEATURE_EXTRACTOR_ID}\\)`,
      ),
    )
    await expect(hubCli(['train', '--tenant', 'lab', '--kind', 'doctype'])).rejects.toThrow(/--kind/)
  })

  it('trains on the decisions, prints the report, promotes the first model and resets retrain-status', async () => {
    const records = first.map((b) => bidDecision('lab', b, b.relevant ? 'relevant' : 'irrelevant', at(1)))
    // A document the analyst reopened is not a label.
    const reopened = later[0]!
    records.push(
      bidDecision('lab', reopened, 'relevant', at(1)),
      bidDecision('lab', reopened, 'needs-review', at(2)),
    )
    expect((await postIngest(hub.url, token, { records })).json).toMatchObject({ stored: 62, rejected: 0 })

    v1 = await train()
    const validation = first.filter((b) => isValidation(b.id)).length
    expect(v1).toMatchObject({
      promoted: true,
      reason: expect.stringMatching(/^no current model; validation F1/),
      trainedOn: { examples: 60 - validation },
      metrics: { validation: { n: validation } },
    })
    expect(v1.metrics.validation.f1).toBeGreaterThanOrEqual(0.85)
    const split = await splitOf(v1.version)
    expect(split.size).toBe(60)
    expect(split.has(reopened.id)).toBe(false)

    const status = await fetch(`${hub.url}/v1/tenants/lab/retrain-status`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(retrainStatusSchema.parse(await status.json())).toMatchObject({ due: false, rule: null })
  })

  it('keeps every document on its side of the split as more decisions arrive, and rejects a candidate that is not better', async () => {
    // More bids, and five documents decided again (new records, same documents).
    const again = first
      .slice(0, 5)
      .map((b) => bidDecision('lab', b, b.relevant ? 'relevant' : 'irrelevant', at(3)))
    const more = later
      .slice(1)
      .map((b) => bidDecision('lab', b, b.relevant ? 'relevant' : 'irrelevant', at(3)))
    await postIngest(hub.url, token, { records: [...again, ...more] })

    const v2 = await train()
    expect(v2.version).not.toBe(v1.version)
    expect(v2.promoted).toBe(false)
    expect(v2.reason).toMatch(
      new RegExp(`does not beat ${v1.version} \\(\\d\\.\\d{3}\\) by 0.01; kept the current model`),
    )

    const before = await splitOf(v1.version)
    const after = await splitOf(v2.version)
    expect(after.size).toBe(89)
    for (const [document, { split }] of before) expect(after.get(document)?.split).toBe(split)
    for (const [document, { split }] of after)
      expect(split).toBe(isValidation(document) ? 'validation' : 'train')
    // The re-decided documents are labelled by their newer record and kept their side.
    for (const record of again) {
      const document = (record.payload as { documentId: string }).documentId
      expect(after.get(document)?.recordId).toBe(record.id)
      expect(after.get(document)?.split).toBe(before.get(document)?.split)
    }
    expect([...after.values()].filter((s) => s.split === 'validation').length).toBe(v2.metrics.validation.n)

    const registry = await fetch(`${hub.url}/v1/tenants/lab/models`, {
      headers: { authorization: `Bearer ${token}` },
    })
    const view = (await registry.json()) as {
      versions: Array<{
        version: string
        status: string
        comparedWith: string | null
        validationSetSize: number
      }>
      events: Array<{ event: string; version: string }>
      rollouts: Array<{ currentVersion: string; state: string }>
    }
    expect(view.versions.map((v) => [v.version, v.status, v.comparedWith])).toEqual([
      [v1.version, 'promoted', null],
      [v2.version, 'rejected', v1.version],
    ])
    expect(view.events.map((e) => [e.event, e.version])).toEqual([
      ['promoted', v1.version],
      ['rejected', v2.version],
    ])
    expect(view.rollouts).toMatchObject([{ currentVersion: v1.version, state: 'stable' }])

    // Nothing new: the same candidate again is reported, not registered twice.
    const v3 = await train()
    expect(v3).toMatchObject({ version: v2.version, sha256: v2.sha256, promoted: false })
    expect(v3.reason).toMatch(/identical to .* already in the registry \(rejected\)/)
  })
})
