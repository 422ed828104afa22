import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LearningMonitor } from '../../server/learning/monitor'
import { trainHere } from '../../server/learning/worker'
import { trainingBids } from '../support/documents/relevance/bids'
import { startTestHub, type TestHub } from './support/hub'
import { bidDecision } from './support/learning'
import { postIngest } from './support/records'

// Retraining runs when retrain-status says due, and only when there is something new to learn from:
// a tenant whose confidence stays low, or whose decisions cannot train a model, is not retrained on
// the same data every tick.
let hub: TestHub
let monitor: LearningMonitor
let now = new Date('2026-06-01T09:00:00.000Z')
const bids = trainingBids(50)

beforeAll(async () => {
  hub = await startTestHub({ clock: () => now, env: { RETRAIN_CONFIDENCE_WINDOW: '10' } })
  monitor = new LearningMonitor(
    hub.db,
    hub.config,
    () => now,
    () => Promise.resolve(true),
    trainHere,
  )
})
afterAll(() => hub.close())

async function push(tenant: string, token: string, from: number, to: number, label?: 'irrelevant') {
  now = new Date(now.getTime() + 60_000)
  const records = bids.slice(from, to).map((b) =>
    bidDecision(tenant, b, label ?? (b.relevant ? 'relevant' : 'irrelevant'), now.toISOString(), {
      confidence: 0.5,
    }),
  )
  expect((await postIngest(hub.url, token, { records })).json).toMatchObject({ stored: to - from })
}

describe('retraining that runs when due', () => {
  it('retrains a low-confidence tenant once per batch of new decisions, not on every tick', async () => {
    const token = await hub.desk('umbrella', 'umbrella-desk-1')
    await push('umbrella', token, 0, 30)
    const first = await monitor.tick()
    expect(first.trained).toEqual([expect.objectContaining({ tenant: 'umbrella', rule: 'never-trained' })])

    // Still due (the analysts' tools stay unsure), but nothing new arrived.
    now = new Date(now.getTime() + 60_000)
    const idle = await monitor.tick()
    expect(idle.trained).toEqual([])
    expect(idle.skipped).toEqual([
      {
        tenant: 'umbrella',
        reason: 'retraining is due (confidence) but no decision arrived since the last attempt',
      },
    ])

    await push('umbrella', token, 30, 40)
    const again = await monitor.tick()
    expect(again.trained).toEqual([expect.objectContaining({ tenant: 'umbrella', rule: 'confidence' })])
  })

  it('reports a tenant whose decisions cannot train a model, and waits for new ones', async () => {
    const token = await hub.desk('soylent', 'soylent-desk-1')
    await push('soylent', token, 0, 12, 'irrelevant')
    const failed = await monitor.tick()
    expect(failed.skipped).toContainEqual({
      tenant: 'soylent',
      reason: expect.stringMatching(/training needs both relevant and irrelevant decisions/),
    })
    now = new Date(now.getTime() + 60_000)
    const idle = await monitor.tick()
    expect(idle.skipped).toContainEqual({
      tenant: 'soylent',
      reason: 'retraining is due (never-trained) but no decision arrived since the last attempt',
    })
    expect(idle.trained).toEqual([])
  })
})
