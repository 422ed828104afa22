import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withTenant } from '../../server/db/pool'
import { LearningMonitor, type LearningTickSummary } from '../../server/learning/monitor'
import { isGreenDesk } from '../../server/learning/registry'
import { trainInWorker } from '../../server/learning/worker'
import { hashedFeatures, modelSha256, parseRelevanceModel, probabilityOf } from '../../src/shared/learning'
import { servedModelSchema, type ServedModel } from '../../src/shared/sync/hub-api'
import {
  developmentBids,
  heldOutBids,
  trainingBids,
  type LabelledBid,
} from '../support/documents/relevance/bids'
import { ADMIN_TOKEN, startTestHub, type TestHub } from './support/hub'
import { bidDecision, buildTrainWorker } from './support/learning'
import { postIngest } from './support/records'

// The whole loop on a real hub and PostgreSQL: desks push decisions with hashed features, retraining
// falls due, a candidate is trained in a worker thread, scored and promoted, desks pick it up
// (blue-green), bad decisions make the green version's live accuracy fall, and the hub rolls back.
//
// The story: the supplier first sold only water-treatment chemicals, so analysts marked insulation
// bids irrelevant (v1 learns that). Then it started selling insulation, analysts relabelled, and v2
// learns it. Then one team goes back to marking insulation irrelevant: v2, green on some desks, now
// disagrees with the analysts more than v1 does, and is rolled back.

const TENANT = 'acme'
const DESKS = ['acme-desk-1', 'acme-desk-2', 'acme-desk-3', 'acme-desk-4', 'acme-desk-5', 'acme-desk-6']
const HOOK = 'http://127.0.0.1:9/hooks/ops'
const insulation = (bid: LabelledBid) => /insulation|wool/i.test(bid.text)
const beforeInsulation = (bid: LabelledBid) => (bid.relevant && !insulation(bid) ? 'relevant' : 'irrelevant')
const truth = (bid: LabelledBid) => (bid.relevant ? 'relevant' : 'irrelevant')

let hub: TestHub
let worker: { path: string; cleanup: () => void }
let monitor: LearningMonitor
let now = new Date('2026-06-01T09:00:00.000Z')
const tokens = new Map<string, string>()
const alerts: string[] = []
/** Resolves each time the monitor hands a training to the worker. */
let trainingStarted: () => void = () => undefined

beforeAll(async () => {
  worker = await buildTrainWorker()
  hub = await startTestHub({
    clock: () => now,
    env: {
      ALERT_WEBHOOKS: HOOK,
      ROLLOUT_GREEN_SHARE: '0.5',
      ROLLOUT_MIN_SAMPLES: '10',
      ROLLOUT_FULL_AFTER: '500',
    },
  })
  for (const desk of DESKS) tokens.set(desk, await hub.desk(TENANT, desk))
  monitor = new LearningMonitor(
    hub.db,
    hub.config,
    () => now,
    async (url, message) => {
      expect(url).toBe(HOOK)
      alerts.push(message.text)
      return true
    },
    (input) => {
      trainingStarted()
      return trainInWorker(worker.path)(input)
    },
  )
}, 120_000)
afterAll(async () => {
  await hub.close()
  worker.cleanup()
})

const token = (desk: string) => tokens.get(desk) ?? ''

/** Each desk pushes its share of the decisions. */
async function push(records: ReturnType<typeof bidDecision>[], from: (i: number) => string) {
  const byDesk = new Map<string, ReturnType<typeof bidDecision>[]>()
  records.forEach((r, i) => byDesk.set(from(i), [...(byDesk.get(from(i)) ?? []), r]))
  for (const [desk, batch] of byDesk) {
    const r = await postIngest(hub.url, token(desk), { records: batch })
    expect(r.json).toMatchObject({ stored: batch.length, rejected: 0 })
  }
}
const roundRobin = (i: number) => DESKS[i % DESKS.length] ?? ''

/** What a desk does: fetch its model and check the fingerprint before using it. */
async function fetchModel(desk: string): Promise<ServedModel> {
  const r = await fetch(`${hub.url}/v1/tenants/${TENANT}/models/relevance/current`, {
    headers: { authorization: `Bearer ${token(desk)}` },
  })
  expect(r.status).toBe(200)
  const served = servedModelSchema.parse(await r.json())
  const model = parseRelevanceModel(served.model, `${desk}'s model`)
  expect(modelSha256(model)).toBe(served.sha256)
  expect(model.version).toBe(served.version)
  return served
}

async function registry() {
  const r = await fetch(`${hub.url}/v1/tenants/${TENANT}/models`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  })
  expect(r.status).toBe(200)
  return (await r.json()) as {
    versions: Array<{
      version: string
      status: string
      statusReason: string
      comparedWith: string | null
      metrics: { f1: number }
      comparedMetrics: { f1: number } | null
    }>
    rollouts: Array<{
      currentVersion: string
      previousVersion: string | null
      state: string
      greenShare: number
    }>
    events: Array<{ event: string; version: string; reason: string; notifiedAt: string | null }>
    drift: Array<{
      version: string
      day: string
      liveAccuracy: number | null
      meanConfidence: number
      handoverRate: number
    }>
  }
}

async function retrainStatus() {
  const r = await fetch(`${hub.url}/v1/tenants/${TENANT}/retrain-status`, {
    headers: { authorization: `Bearer ${token('acme-desk-1')}` },
  })
  return (await r.json()) as { due: boolean; rule: string | null }
}

describe('ground truth that learns, on the real hub', () => {
  let v1 = ''
  let v2 = ''

  it('trains, scores and promotes a first model when retraining is due, and every desk gets it', async () => {
    const first = trainingBids(80)
    await push(
      first.map((b) => bidDecision(TENANT, b, beforeInsulation(b), now.toISOString())),
      roundRobin,
    )
    expect(await retrainStatus()).toMatchObject({ due: true, rule: 'never-trained' })
    const summary: LearningTickSummary = await monitor.tick()
    expect(summary.trained).toHaveLength(1)
    expect(summary.trained[0]).toMatchObject({
      tenant: TENANT,
      rule: 'never-trained',
      outcome: { promoted: true },
    })
    v1 = summary.trained[0]?.outcome.version ?? ''
    expect(await retrainStatus()).toMatchObject({ due: false })
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatch(
      new RegExp(`Model relevance ${v1} \\(tenant acme\\) promoted.*no current model`),
    )
    for (const desk of DESKS)
      expect(await fetchModel(desk)).toMatchObject({ version: v1, channel: 'stable', previous: null })
    // Nothing new and not due: the next tick trains nothing.
    expect((await monitor.tick()).trained).toEqual([])
  })

  it('retrains in a worker thread when 30 days pass, promotes a better candidate as green on half the desks', async () => {
    now = new Date('2026-07-02T09:00:00.000Z')
    const first = trainingBids(80)
    const relabelled = first.filter((b) => insulation(b) && b.relevant)
    expect(relabelled.length).toBeGreaterThan(2)
    await push(
      [
        ...relabelled.map((b) => bidDecision(TENANT, b, 'relevant', now.toISOString())),
        ...developmentBids(60).map((b) => bidDecision(TENANT, b, truth(b), now.toISOString())),
      ],
      roundRobin,
    )
    expect(await retrainStatus()).toMatchObject({ due: true, rule: 'age' })

    // The hub keeps answering while the candidate trains: the training is not on this thread.
    const started = new Promise<void>((resolve) => {
      trainingStarted = resolve
    })
    let finished = false
    const ticking = monitor.tick().finally(() => {
      finished = true
    })
    await started
    const asked = Date.now()
    const health = await fetch(`${hub.url}/v1/health`)
    expect(health.status).toBe(200)
    expect(Date.now() - asked).toBeLessThan(1_000)
    expect(finished).toBe(false)
    const summary = await ticking
    expect(summary.trained).toHaveLength(1)
    expect(summary.trained[0]).toMatchObject({ rule: 'age', outcome: { promoted: true } })
    v2 = summary.trained[0]?.outcome.version ?? ''
    expect(summary.trained[0]?.outcome.reason).toMatch(
      new RegExp(`beats ${v1} \\(\\d\\.\\d{3}\\) by at least 0.01`),
    )

    const view = await registry()
    const candidate = view.versions.find((v) => v.version === v2)
    expect(candidate).toMatchObject({ status: 'promoted', comparedWith: v1 })
    expect(candidate!.metrics.f1).toBeGreaterThanOrEqual(candidate!.comparedMetrics!.f1 + 0.01)
    expect(view.rollouts).toEqual([
      expect.objectContaining({ currentVersion: v2, previousVersion: v1, state: 'green', greenShare: 0.5 }),
    ])
    expect(alerts).toHaveLength(2)
    expect(alerts[1]).toMatch(new RegExp(`${v2} .*promoted.*green on 50% of desks`))

    const green = DESKS.filter((d) =>
      isGreenDesk(d, { state: 'green', current_version: v2, green_share: 0.5 }),
    )
    expect(green.length).toBeGreaterThan(0)
    expect(green.length).toBeLessThan(DESKS.length)
    for (const desk of DESKS) {
      const served = await fetchModel(desk)
      if (green.includes(desk)) {
        expect(served).toMatchObject({ version: v2, channel: 'green', previous: { version: v1 } })
      } else expect(served).toMatchObject({ version: v1, channel: 'blue' })
      // The same desk always lands on the same side.
      expect((await fetchModel(desk)).version).toBe(served.version)
    }
  })

  it('rolls the green version back when bad decisions make its live accuracy fall below the previous one', async () => {
    now = new Date('2026-07-03T09:00:00.000Z')
    // Every desk decides with the model it was served and says so; one team is back to "no insulation".
    const served = new Map<string, ServedModel>()
    for (const desk of DESKS) served.set(desk, await fetchModel(desk))
    const bids = heldOutBids(40)
    expect(bids.filter(insulation).length).toBeGreaterThan(2)
    const records = bids.map((b, i) => {
      const s = served.get(roundRobin(i))!
      const model = parseRelevanceModel(s.model, 'served')
      return bidDecision(TENANT, b, beforeInsulation(b), now.toISOString(), {
        modelVersion: s.version,
        learnedProbability: probabilityOf(model, hashedFeatures(b.text)),
      })
    })
    await push(records, roundRobin)

    const summary = await monitor.tick()
    expect(summary.scored).toBe(80)
    expect(summary.rolledBack).toEqual([
      {
        tenant: TENANT,
        version: v2,
        reason: expect.stringMatching(
          new RegExp(`^live accuracy 0\\.\\d{3} over 40 decisions is below ${v1}'s`),
        ),
      },
    ])
    expect(summary.trained).toEqual([])

    const view = await registry()
    expect(view.versions.find((v) => v.version === v2)).toMatchObject({
      status: 'rolled-back',
      statusReason: expect.stringMatching(/live accuracy/),
    })
    expect(view.rollouts).toEqual([
      expect.objectContaining({ currentVersion: v1, previousVersion: null, state: 'stable' }),
    ])
    expect(view.events.map((e) => [e.event, e.version])).toEqual([
      ['promoted', v1],
      ['promoted', v2],
      ['rolled-back', v2],
    ])
    expect(view.events.every((e) => e.notifiedAt !== null)).toBe(true)
    expect(alerts).toHaveLength(3)
    expect(alerts[2]).toMatch(
      new RegExp(
        `:rotating_light: Model relevance ${v2} \\(tenant acme\\) rolled back.*every desk is back on ${v1}`,
      ),
    )
    for (const desk of DESKS) expect(await fetchModel(desk)).toMatchObject({ version: v1, channel: 'stable' })

    // Drift per version and day: v2 agreed with fewer of the analysts' decisions than v1 that day.
    const day = view.drift.filter((d) => d.day === '2026-07-03')
    const accuracy = (v: string) => day.find((d) => d.version === v)?.liveAccuracy ?? NaN
    expect(accuracy(v2)).toBeLessThan(accuracy(v1) - 0.01)
    for (const d of day) {
      expect(d.meanConfidence).toBeGreaterThanOrEqual(0.5)
      expect(d.handoverRate).toBeGreaterThanOrEqual(0)
    }

    const metrics = await (await fetch(`${hub.url}/metrics`)).text()
    expect(metrics).toContain(
      `hub_model_daily_live_accuracy{tenant="acme",kind="relevance",version="${v2}",day="2026-07-03"} ${accuracy(v2)}`,
    )
    expect(metrics).toMatch(
      new RegExp(
        `hub_model_daily_mean_confidence\\{tenant="acme",kind="relevance",version="${v1}",day="2026-07-03"\\} 0\\.\\d+`,
      ),
    )
    expect(metrics).toMatch(
      new RegExp(
        `hub_model_daily_handover_rate\\{tenant="acme",kind="relevance",version="${v1}",day="2026-07-03"\\} [\\d.]+`,
      ),
    )
    expect(metrics).toContain(
      `hub_model_serving{tenant="acme",kind="relevance",version="${v1}",role="current",state="stable"} 1`,
    )

    const page = await fetch(`${hub.url}/v1/ops/models`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    const html = await page.text()
    expect(html.match(/<svg /g)).toHaveLength(3)
    expect(html).toContain('rolled-back')
    expect(html).toContain(v2)
    const anonymous = await fetch(`${hub.url}/v1/ops/models`)
    expect(anonymous.status).toBe(401)
  })

  it('never serves one tenant the model of another', async () => {
    const other = await hub.desk('globex', 'globex-desk-1')
    const cross = await fetch(`${hub.url}/v1/tenants/${TENANT}/models/relevance/current`, {
      headers: { authorization: `Bearer ${other}` },
    })
    expect(cross.status).toBe(403)
    const own = await fetch(`${hub.url}/v1/tenants/globex/models/relevance/current`, {
      headers: { authorization: `Bearer ${other}` },
    })
    expect(own.status).toBe(404)
    const rows = await withTenant(hub.db, 'globex', (tx) => tx.query('SELECT * FROM model_versions'))
    expect(rows.rows).toEqual([])
  })
})
