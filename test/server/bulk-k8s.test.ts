import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { z } from 'zod'
import { DEFAULT_SCALE_POLICY } from '../../server/bulk/autoscale'
import {
  BULK_QUEUE,
  DEFAULT_QUEUE_SETTINGS,
  enqueue,
  ensureQueues,
  openBoss,
  QUEUE_SNAPSHOT_SQL,
} from '../../server/bulk/queue'
import { REPO_ROOT } from '../support/builtApp'
import { createTestDatabase, type TestDatabase } from './support/db'

const trigger = z.object({
  type: z.literal('postgresql'),
  name: z.string(),
  metadata: z.object({
    connectionFromEnv: z.string(),
    query: z.string(),
    targetQueryValue: z.string(),
  }),
})
const scaledObject = z.object({
  apiVersion: z.literal('keda.sh/v1alpha1'),
  kind: z.literal('ScaledObject'),
  spec: z.object({
    scaleTargetRef: z.object({ name: z.string() }),
    minReplicaCount: z.number(),
    maxReplicaCount: z.number(),
    cooldownPeriod: z.number(),
    triggers: z.array(trigger).min(1),
  }),
})
const deployment = z.object({
  kind: z.literal('Deployment'),
  metadata: z.object({ name: z.string() }),
  spec: z.object({
    template: z.object({
      spec: z.object({
        containers: z.array(z.object({ env: z.array(z.object({ name: z.string() })) })).min(1),
      }),
    }),
  }),
})

function load(name: string): unknown[] {
  return parseAllDocuments(readFileSync(join(REPO_ROOT, 'deploy', 'k8s', name), 'utf8')).map((d) => d.toJS())
}

const keda = scaledObject.parse(load('bulk-workers-scaledobject.yaml')[0])
const workers = deployment.parse(load('bulk-workers.yaml')[0])
const depthTrigger = keda.spec.triggers.find((t) => t.name === 'queue-depth')!
const ageTrigger = keda.spec.triggers.find((t) => t.name === 'oldest-job-age')!

describe('deploy/k8s: the KEDA rule matches the supervisor and pg-boss 10', () => {
  it('scales the worker Deployment on the same thresholds as --autoscale', () => {
    expect(keda.spec.scaleTargetRef.name).toBe(workers.metadata.name)
    expect(Number(depthTrigger.metadata.targetQueryValue)).toBe(DEFAULT_SCALE_POLICY.jobsPerWorker)
    expect(Number(ageTrigger.metadata.targetQueryValue)).toBe(DEFAULT_SCALE_POLICY.maxJobAgeSeconds)
    expect(keda.spec.cooldownPeriod).toBe(DEFAULT_SCALE_POLICY.cooldownSeconds)
    const env = workers.spec.template.spec.containers[0]!.env.map((e) => e.name)
    for (const t of keda.spec.triggers) expect(env).toContain(t.metadata.connectionFromEnv)
  })

  describe('against a real pg-boss 10 schema', () => {
    let database: TestDatabase
    let client: pg.Client
    beforeAll(async () => {
      database = await createTestDatabase()
      const boss = await openBoss(database.url, { supervise: false, max: 2 })
      await ensureQueues(boss, DEFAULT_QUEUE_SETTINGS, database.url)
      await enqueue(
        boss,
        Array.from({ length: 7 }, (_, ordinal) => ({
          tenant: 'acme',
          runId: '0190f1c2-7a8b-7c9d-8e0f-123456789abc',
          ordinal,
        })),
      )
      // A job fetched by a worker is active: KEDA still counts it (scaling down mid-job helps nobody).
      await boss.fetch(BULK_QUEUE)
      await boss.stop({ graceful: false })
      client = new pg.Client({ connectionString: database.url })
      await client.connect()
      await client.query(`UPDATE pgboss.job SET created_on = now() - interval '300 seconds'`)
    })
    afterAll(async () => {
      await client?.end()
      await database?.drop()
    })

    it('counts waiting and active bulk jobs exactly as the supervisor does', async () => {
      const keda = await client.query<{ count: string }>(depthTrigger.metadata.query)
      expect(Number(keda.rows[0]!.count)).toBe(7)
      const own = await client.query<{ depth: number; active: number }>(QUEUE_SNAPSHOT_SQL)
      expect(own.rows[0]).toMatchObject({ depth: 6, active: 1 })
    })

    it("reads the oldest waiting job's age in seconds", async () => {
      const r = await client.query<Record<string, number>>(ageTrigger.metadata.query)
      const age = Object.values(r.rows[0]!)[0]!
      expect(age).toBeGreaterThanOrEqual(300)
      expect(age).toBeLessThan(400)
    })
  })
})
