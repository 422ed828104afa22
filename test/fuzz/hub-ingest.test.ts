import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateBatch } from '../../server/validate-batch'
import { hubErrorSchema, ingestAckSchema } from '../../src/shared/sync/wire'
import { startTestHub, type TestHub } from '../server/support/hub'
import { coaResult, correction, tenderDecision } from '../server/support/records'

const PURE_RUNS = 3000
const ROUTE_RUNS = 1000

/** A valid record of each kind, then one field (of the record or its payload) replaced by anything. */
const record = fc
  .record({
    make: fc.constantFrom(
      () => correction('acme'),
      () => tenderDecision('acme', 'doc-1'),
      () => coaResult('acme', 'doc-2'),
    ),
    inPayload: fc.boolean(),
    key: fc.constantFrom(
      'id',
      'tenant',
      'kind',
      'createdAt',
      'payload',
      'confidence',
      'decision',
      'field',
      'x',
    ),
    value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined)),
    untouched: fc.boolean(),
  })
  .map(({ make, inPayload, key, value, untouched }) => {
    const r = make() as unknown as Record<string, unknown>
    if (untouched) return r
    const target =
      inPayload && typeof r.payload === 'object' && r.payload ? (r.payload as Record<string, unknown>) : r
    target[key] = value
    return r
  })
const records = fc.array(fc.oneof(record, fc.jsonValue({ maxDepth: 3 })), { maxLength: 6 })

describe('fuzz: the hub ingest', () => {
  it(`${PURE_RUNS} batches through validateBatch: every record gets an answer, nothing throws`, () => {
    fc.assert(
      fc.property(records, (batch) => {
        const verdict = validateBatch(batch, 'acme')
        if (!verdict.ok) {
          expect(batch[verdict.index]).toMatchObject({ tenant: verdict.claimed })
          return
        }
        const answered = new Set([
          ...verdict.accepted.map((a) => a.index),
          ...verdict.acks.flatMap((a, i) => (a ? [i] : [])),
        ])
        expect(answered.size).toBe(batch.length)
        for (const ack of verdict.acks)
          if (ack?.status === 'rejected') expect(ack.reason?.length).toBeGreaterThan(0)
      }),
      { seed: 1808, numRuns: PURE_RUNS },
    )
  })

  describe('the ingest route in-process (fastify.inject, real PostgreSQL)', () => {
    let hub: TestHub
    let token: string
    beforeAll(async () => {
      hub = await startTestHub()
      token = await hub.desk('acme', 'acme-desk-1')
    })
    afterAll(() => hub.close())

    const body = fc.oneof(
      records.map((rs) => JSON.stringify({ records: rs })),
      fc.record({ records, queueDepth: fc.jsonValue() }).map((b) => JSON.stringify(b)),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? ''),
      fc.string({ maxLength: 200 }),
    )

    it(`${ROUTE_RUNS} request bodies: an ack or a 4xx envelope, never a 500`, async () => {
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const response = await hub.app.inject({
            method: 'POST',
            url: '/v1/ingest',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            payload,
          })
          expect(response.statusCode, response.body).toBeLessThan(500)
          const json: unknown = response.json()
          if (response.statusCode === 200) {
            const ack = ingestAckSchema.parse(json)
            expect(ack.stored + ack.duplicates + ack.rejected).toBe(ack.results.length)
          } else {
            expect(hubErrorSchema.parse(json).message.length).toBeGreaterThan(0)
          }
        }),
        { seed: 1809, numRuns: ROUTE_RUNS },
      )
    })
  })
})
