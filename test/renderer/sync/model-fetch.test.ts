import 'fake-indexeddb/auto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withTenant } from '../../../server/db/pool'
import { trainAndRecord } from '../../../server/learning/registry'
import { trainHere } from '../../../server/learning/worker'
import { openTenantDb, type TenantDb } from '../../../src/renderer/db'
import { MODEL_STATUS_KEY, refreshRelevanceModel } from '../../../src/renderer/sync/model-fetch'
import {
  hashedFeatures,
  modelSha256,
  parseRelevanceModel,
  trainRelevance,
} from '../../../src/shared/learning'
import { trainingBids } from '../../support/documents/relevance/bids'
import { startTestHub, type TestHub } from '../../server/support/hub'
import { bidDecision } from '../../server/support/learning'
import { postIngest } from '../../server/support/records'
import { freshTenant, trackForCleanup } from '../db/helpers'

// The desk side of blue-green: fetch the tenant's model from a real hub on PostgreSQL, check its
// fingerprint, keep the previous version, refuse a damaged one, and keep working offline.

let hub: TestHub
let tenant: string
let token: string
let hubVersion: string
const now = new Date('2026-06-01T09:00:00.000Z')

beforeAll(async () => {
  hub = await startTestHub({ clock: () => now })
  tenant = freshTenant('models')
  token = await hub.desk(tenant, 'desk-1')
  const bids = trainingBids(60)
  const pushed = await postIngest(hub.url, token, {
    records: bids.map((b) =>
      bidDecision(tenant, b, b.relevant ? 'relevant' : 'irrelevant', now.toISOString()),
    ),
  })
  expect(pushed.json).toMatchObject({ stored: bids.length, rejected: 0 })
  const { report } = await trainAndRecord(hub.db, tenant, 'relevance', now, 'test', trainHere, {
    greenShare: 1,
  })
  expect(report.promoted).toBe(true)
  hubVersion = report.version
}, 120_000)
afterAll(() => hub.close())

const settings = () => ({ hubUrl: hub.url, deskId: 'desk-1', token })

/** A model this desk trained itself earlier (what it ran before the hub had one). */
async function storeLocalModel(db: TenantDb): Promise<string> {
  const model = trainRelevance(
    trainingBids(20, 5).map((b) => ({ id: b.id, features: hashedFeatures(b.text), relevant: b.relevant })),
    '2026-05-01T00:00:00.000Z',
  )
  await db.models.put({
    slot: 'relevance:current',
    version: model.version,
    sha256: modelSha256(model),
    source: 'file',
    channel: null,
    model,
    storedAt: '2026-05-01T00:00:00.000Z',
  })
  return model.version
}

describe('the desk fetches its tenant relevance model from the hub', () => {
  it('verifies and stores the hub model, keeping the one it ran before as previous', async () => {
    const db = trackForCleanup(await openTenantDb(tenant))
    const local = await storeLocalModel(db)
    const status = await refreshRelevanceModel({ db, settings: settings() })
    expect(status.state).toBe('updated')
    expect(status.message).toBe(`Using model ${hubVersion} (stable); ${local} kept to fall back on.`)
    const current = await db.models.get('relevance:current')
    expect(current).toMatchObject({ version: hubVersion, source: 'hub', channel: 'stable' })
    const model = parseRelevanceModel(current?.model, 'stored')
    expect(modelSha256(model)).toBe(current?.sha256)
    expect(await db.models.get('relevance:previous')).toMatchObject({ version: local, source: 'file' })
    expect((await db.meta.get(MODEL_STATUS_KEY))?.value).toMatchObject({ state: 'updated' })

    // Asked again, nothing changes: the previous slot still holds the desk's own model.
    expect((await refreshRelevanceModel({ db, settings: settings() })).state).toBe('unchanged')
    expect(await db.models.get('relevance:previous')).toMatchObject({ version: local })
  })

  it('refuses a model whose sha256 does not match and keeps the one in use', async () => {
    const db = trackForCleanup(await openTenantDb(freshTenant('tampered')))
    const other = await hub.desk(db.tenant, 'desk-2')
    const local = await storeLocalModel(db)
    // Copy the tenant's registry entry over, then alter one weight of the artefact on the hub.
    await withTenant(hub.db, tenant, async (tx) => {
      const row = await tx.query<{ artefact: string; sha256: string }>(
        'SELECT artefact, sha256 FROM model_versions WHERE version = $1',
        [hubVersion],
      )
      const artefact = JSON.parse(row.rows[0]?.artefact ?? '{}') as { weights: number[] }
      artefact.weights[7] = (artefact.weights[7] ?? 0) + 0.5
      await withTenant(hub.db, db.tenant, async (t2) => {
        await t2.query(
          `INSERT INTO model_versions (tenant_id, kind, version, artefact, sha256, feature_extractor, training_set_size,
             validation_set_size, validation_split, metrics, status, status_reason, trigger, created_at, promoted_at)
           SELECT $1, kind, version, $2, sha256, feature_extractor, training_set_size, validation_set_size,
                  validation_split, metrics, status, status_reason, trigger, created_at, promoted_at
             FROM jsonb_to_recordset($3::jsonb) AS m(kind text, version text, sha256 text, feature_extractor text,
               training_set_size int, validation_set_size int, validation_split jsonb, metrics jsonb, status text,
               status_reason text, trigger text, created_at timestamptz, promoted_at timestamptz)`,
          [db.tenant, JSON.stringify(artefact), JSON.stringify(await registryRows(hubVersion))],
        )
        await t2.query(
          `INSERT INTO model_rollouts (tenant_id, kind, current_version, previous_version, state, green_share, since, updated_at)
           VALUES ($1, 'relevance', $2, NULL, 'stable', 1, $3, $3)`,
          [db.tenant, hubVersion, now],
        )
      })
    })
    const status = await refreshRelevanceModel({
      db,
      settings: { hubUrl: hub.url, deskId: 'desk-2', token: other },
    })
    expect(status.state).toBe('refused')
    expect(status.message).toMatch(
      new RegExp(
        `^Refused model ${hubVersion}: its sha256 is [0-9a-f]{12}…, the hub says [0-9a-f]{12}….*Still using ${local}\\.$`,
      ),
    )
    expect(await db.models.get('relevance:current')).toMatchObject({ version: local, source: 'file' })
    expect(await db.models.get('relevance:previous')).toBeUndefined()
  })

  it('keeps the stored model when the hub cannot be reached', async () => {
    const db = trackForCleanup(await openTenantDb(tenant))
    expect((await refreshRelevanceModel({ db, settings: settings() })).state).toBe('updated')
    const before = await db.models.get('relevance:current')
    expect(before?.version).toBe(hubVersion)
    const status = await refreshRelevanceModel({
      db,
      settings: { ...settings(), hubUrl: 'http://127.0.0.1:9' },
      timeoutMs: 2_000,
    })
    expect(status.state).toBe('unreachable')
    expect(status.message).toMatch(
      new RegExp(
        `^Could not fetch the learned model from http://127.0.0.1:9: hub unreachable.*Still using ${hubVersion}\\.$`,
      ),
    )
    expect(await db.models.get('relevance:current')).toEqual(before)
  })
})

/** The tenant's registry row for `version`, as JSON for copying to another tenant. */
async function registryRows(version: string): Promise<unknown[]> {
  return withTenant(hub.db, tenant, async (tx) => {
    const r = await tx.query(
      `SELECT kind, version, sha256, feature_extractor, training_set_size, validation_set_size, validation_split,
              metrics, status, status_reason, trigger, created_at, promoted_at
         FROM model_versions WHERE version = $1`,
      [version],
    )
    return r.rows
  })
}
