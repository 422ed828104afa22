import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { scoreOnValidation } from '../../server/learning/candidate'
import { LearningMonitor } from '../../server/learning/monitor'
import { trainInWorker, type Trainer } from '../../server/learning/worker'
import { sha256Hex } from '../../src/shared/crypto'
import {
  binaryMetrics,
  FEATURE_EXTRACTOR,
  FEATURE_EXTRACTOR_ID,
  modelSha256,
  slotOf,
  type RelevanceModel,
} from '../../src/shared/learning'
import { servedModelSchema } from '../../src/shared/sync/hub-api'
import { trainingBids } from '../support/documents/relevance/bids'
import { ADMIN_TOKEN, startTestHub, type TestHub } from './support/hub'
import { bidDecision } from './support/learning'
import { postIngest } from './support/records'

// The rollout rules with models whose behaviour is set by hand (the learner itself is tested in
// test/shared/learning and in learning-loop.test.ts): the trainer hands the hub these models, and the
// hub scores them honestly on the validation split and on live decisions.

const ITEM_WORDS = {
  ferric: 1,
  chloride: 1,
  poly: 1,
  aluminium: 1,
  pac: 1,
  sulphate: 1,
  alum: 1,
  sodium: 1,
  hypochlorite: 1,
  disinfection: 1,
  rockwool: 1,
  insulation: 1,
  slabs: 1,
  bleaching: 1,
  chlorine: 1,
  lime: 1,
  hydrated: 1,
}
const BLIND_SPOT = ['rockwool', 'insulation', 'slabs', 'bleaching', 'chlorine', 'lime', 'hydrated']

function handModel(scale: number, bias: number, skip: readonly string[] = []): RelevanceModel {
  const weights = new Array<number>(FEATURE_EXTRACTOR.dimensions + 1).fill(0)
  for (const [word, w] of Object.entries(ITEM_WORDS)) {
    if (skip.includes(word)) continue
    const { index, sign } = slotOf(word)
    weights[index] = (weights[index] ?? 0) + sign * w * scale
  }
  weights[FEATURE_EXTRACTOR.dimensions] = bias
  return {
    kind: 'relevance',
    version: `hand-${sha256Hex(JSON.stringify(weights)).slice(0, 10)}`,
    featureExtractor: FEATURE_EXTRACTOR_ID,
    weights,
    trainedOn: { examples: 0, relevant: 0, irrelevant: 0 },
    metrics: { validation: binaryMetrics([]) },
    createdAt: '2026-06-01T00:00:00.000Z',
  }
}

/** Confident but blind to insulation, bleaching powder and lime. */
const confidentBlind = handModel(40, -3, BLIND_SPOT)
/** Knows every item, but barely commits: right, and unsure of it. */
const timid = handModel(2, -0.3)
/** Knows every item and commits. */
const confident = handModel(40, -3)

const queue: RelevanceModel[] = [confidentBlind, timid, confident]
const handTrainer: Trainer = (input) => {
  const next = queue.shift()
  if (next === undefined) throw new Error('the test ran out of models')
  const relevant = input.examples.filter((e) => e.relevant).length
  const model: RelevanceModel = {
    ...next,
    trainedOn: { examples: input.examples.length, relevant, irrelevant: input.examples.length - relevant },
    metrics: { validation: scoreOnValidation(next, input.examples) },
    createdAt: input.now,
  }
  return Promise.resolve({
    model,
    sha256: modelSha256(model),
    currentMetrics: input.current === null ? null : scoreOnValidation(input.current, input.examples),
  })
}

const TENANT = 'initech'
let hub: TestHub
let token: string
let now = new Date('2026-06-01T09:00:00.000Z')
let webhookUp = true
const alerts: string[] = []
let monitor: LearningMonitor
const bids = trainingBids(140)

beforeAll(async () => {
  hub = await startTestHub({
    clock: () => now,
    env: {
      ALERT_WEBHOOKS: 'http://127.0.0.1:9/hook',
      ROLLOUT_MIN_SAMPLES: '10',
      ROLLOUT_FULL_AFTER: '15',
      ROLLOUT_GREEN_SHARE: '0.5',
    },
  })
  token = await hub.desk(TENANT, 'initech-desk-1')
  monitor = new LearningMonitor(
    hub.db,
    hub.config,
    () => now,
    (_url, message) => {
      if (webhookUp) alerts.push(message.text)
      return Promise.resolve(webhookUp)
    },
    handTrainer,
  )
})
afterAll(() => hub.close())

async function decide(from: number, to: number) {
  const records = bids
    .slice(from, to)
    .map((b) => bidDecision(TENANT, b, b.relevant ? 'relevant' : 'irrelevant', now.toISOString()))
  expect((await postIngest(hub.url, token, { records })).json).toMatchObject({ stored: to - from })
}

async function view() {
  const r = await fetch(`${hub.url}/v1/tenants/${TENANT}/models`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  })
  return (await r.json()) as {
    versions: Array<{ version: string; status: string; statusReason: string }>
    rollouts: Array<{ currentVersion: string; previousVersion: string | null; state: string }>
    events: Array<{ event: string; version: string; notifiedAt: string | null }>
  }
}

const later = (days: number) => new Date(now.getTime() + days * 86_400_000)

describe('blue-green rollout rules', () => {
  it('rolls back a green version whose confidence fell below the threshold and the previous version, and retries the alert', async () => {
    await decide(0, 80)
    expect((await monitor.tick()).trained[0]?.outcome).toMatchObject({
      version: confidentBlind.version,
      promoted: true,
    })
    now = later(31)
    const second = await monitor.tick()
    expect(second.trained[0]?.outcome).toMatchObject({ version: timid.version, promoted: true })

    now = later(1)
    await decide(80, 120)
    webhookUp = false
    const summary = await monitor.tick()
    expect(summary.rolledBack).toEqual([
      {
        tenant: TENANT,
        version: timid.version,
        reason: expect.stringMatching(
          new RegExp(
            `^mean confidence 0\\.\\d{3} over 40 decisions is below the threshold 0.85 and below ${confidentBlind.version}'s 0\\.\\d{3}`,
          ),
        ),
      },
    ])
    expect(summary.failedDeliveries).toBe(1)
    let registry = await view()
    expect(registry.rollouts).toEqual([
      expect.objectContaining({
        currentVersion: confidentBlind.version,
        previousVersion: null,
        state: 'stable',
      }),
    ])
    expect(registry.events.at(-1)).toMatchObject({
      event: 'rolled-back',
      version: timid.version,
      notifiedAt: null,
    })

    webhookUp = true
    const retry = await monitor.tick()
    expect(retry.alertsSent).toBe(1)
    expect(alerts.at(-1)).toMatch(
      new RegExp(`${timid.version} \\(tenant ${TENANT}\\) rolled back.*mean confidence`),
    )
    registry = await view()
    expect(registry.events.at(-1)?.notifiedAt).not.toBeNull()
  })

  it('completes a rollout that held up over enough decisions: every desk gets the new version', async () => {
    now = later(31)
    const promoted = await monitor.tick()
    expect(promoted.trained[0]?.outcome).toMatchObject({ version: confident.version, promoted: true })
    now = later(1)
    await decide(120, 140)
    const summary = await monitor.tick()
    expect(summary.rolledBack).toEqual([])
    expect(summary.completed).toEqual([{ tenant: TENANT, version: confident.version }])
    const registry = await view()
    expect(registry.rollouts).toEqual([
      expect.objectContaining({
        currentVersion: confident.version,
        previousVersion: confidentBlind.version,
        state: 'stable',
      }),
    ])
    expect(registry.events.map((e) => [e.event, e.version])).toEqual([
      ['promoted', confidentBlind.version],
      ['promoted', timid.version],
      ['rolled-back', timid.version],
      ['promoted', confident.version],
      ['rollout-complete', confident.version],
    ])
    const r = await fetch(`${hub.url}/v1/tenants/${TENANT}/models/relevance/current`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(servedModelSchema.parse(await r.json())).toMatchObject({
      version: confident.version,
      channel: 'stable',
      previous: { version: confidentBlind.version },
    })
  })

  it('reports a tenant whose training cannot run, naming the missing worker, and goes on with the others', async () => {
    const other = await hub.desk('hooli', 'hooli-desk-1')
    const records = bids
      .slice(0, 20)
      .map((b) => bidDecision('hooli', b, b.relevant ? 'relevant' : 'irrelevant', now.toISOString()))
    await postIngest(hub.url, other, { records })
    const broken = new LearningMonitor(
      hub.db,
      hub.config,
      () => now,
      () => Promise.resolve(true),
      trainInWorker('/nowhere/train-worker.mjs'),
    )
    const summary = await broken.tick()
    expect(summary.skipped).toEqual([
      {
        tenant: 'hooli',
        reason: expect.stringMatching(
          /learning tick failed: \/nowhere\/train-worker.mjs: the training worker is missing/,
        ),
      },
    ])
    expect(summary.trained).toEqual([])
  })
})
