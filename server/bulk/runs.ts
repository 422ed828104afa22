import { createHash, randomUUID } from 'node:crypto'
import type { BulkFileEntry, CreatedRun, RunStatus } from '../../src/shared/bulk/wire'
import type { Profile } from '../../src/shared/tenders/screening/profile'
import { withTenant, type Db, type Tx } from '../db/pool'
import type { DeskIdentity } from '../store/desks'

/** Bumped whenever the bulk worker's read → screen → fields path changes what it writes. */
export const BULK_PIPELINE = 'screen-v1'

/** Results are reused only for the same pipeline, the same profiles and the same learned model. */
export function pipelineVersion(profiles: readonly Profile[], modelVersion: string | null): string {
  const profilesHash = createHash('sha256').update(JSON.stringify(profiles)).digest('hex').slice(0, 12)
  return `${BULK_PIPELINE}/${profilesHash}/${modelVersion ?? 'rules-only'}`
}

async function currentRelevanceVersion(tx: Tx): Promise<string | null> {
  const r = await tx.query<{ current_version: string }>(
    `SELECT current_version FROM model_rollouts WHERE kind = 'relevance'`,
  )
  return r.rows[0]?.current_version ?? null
}

/**
 * Records a run and settles at once what needs no worker: a second copy of the same content is a
 * duplicate of the first, and a file over the size limit fails with a reason naming it. Returns
 * the contents the hub does not hold yet.
 */
export async function createRun(
  db: Db,
  desk: DeskIdentity,
  profiles: readonly Profile[],
  files: readonly BulkFileEntry[],
  maxBytes: number,
  now: Date,
): Promise<CreatedRun> {
  const runId = randomUUID()
  return withTenant(db, desk.tenantId, async (tx) => {
    const modelVersion = await currentRelevanceVersion(tx)
    const version = pipelineVersion(profiles, modelVersion)
    await tx.query(
      `INSERT INTO bulk_runs (tenant_id, run_id, desk_id, profiles, pipeline_version, model_version,
                              file_count, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [desk.tenantId, runId, desk.deskId, JSON.stringify(profiles), version, modelVersion, files.length, now],
    )
    const first = new Map<string, number>()
    const rows = files.map((f, ordinal) => {
      const original = first.get(f.sha256)
      if (original !== undefined) return { f, ordinal, state: 'duplicate', dup: original, reason: null }
      first.set(f.sha256, ordinal)
      if (f.size > maxBytes) {
        const reason = `${f.name}: too large (${f.size} bytes; the hub accepts at most ${maxBytes})`
        return { f, ordinal, state: 'failed', dup: null, reason }
      }
      return { f, ordinal, state: 'queued', dup: null, reason: null }
    })
    // One statement per 5,000 rows keeps each under PostgreSQL's parameter limit.
    for (let i = 0; i < rows.length; i += 5000) {
      const chunk = rows.slice(i, i + 5000)
      await tx.query(
        `INSERT INTO bulk_files (tenant_id, run_id, ordinal, name, sha256, size, state, duplicate_of, reason,
                                 finished_at)
         SELECT $1, $2, u.ordinal, u.name, u.sha256, u.size, u.state, u.dup, u.reason,
                CASE WHEN u.state = 'queued' THEN NULL ELSE $3::timestamptz END
           FROM unnest($4::int[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::int[], $10::text[])
             AS u(ordinal, name, sha256, size, state, dup, reason)`,
        [
          desk.tenantId,
          runId,
          now,
          chunk.map((r) => r.ordinal),
          chunk.map((r) => r.f.name),
          chunk.map((r) => r.f.sha256),
          chunk.map((r) => r.f.size),
          chunk.map((r) => r.state),
          chunk.map((r) => r.dup),
          chunk.map((r) => r.reason),
        ],
      )
    }
    const wanted = rows.filter((r) => r.state === 'queued').map((r) => r.f.sha256)
    const held = await tx.query<{ sha256: string }>(
      'SELECT sha256 FROM bulk_blobs WHERE sha256 = ANY($1::text[])',
      [wanted],
    )
    const have = new Set(held.rows.map((r) => r.sha256))
    return { runId, pipelineVersion: version, missing: wanted.filter((s) => !have.has(s)) }
  })
}

/** Stores a content-addressed blob once; the caller has checked the bytes hash to `sha256`. */
export async function putBlob(db: Db, tenant: string, sha256: string, bytes: Buffer): Promise<boolean> {
  return withTenant(db, tenant, async (tx) => {
    const r = await tx.query(
      `INSERT INTO bulk_blobs (tenant_id, sha256, size, bytes) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [tenant, sha256, bytes.length, bytes],
    )
    return (r.rowCount ?? 0) > 0
  })
}

/** Queued first copies of a run, or the names of files whose content was never uploaded. */
export async function filesToEnqueue(
  db: Db,
  tenant: string,
  runId: string,
): Promise<{ ordinals: Array<{ ordinal: number; sha256: string }>; notUploaded: string[] } | null> {
  return withTenant(db, tenant, async (tx) => {
    const run = await tx.query('SELECT 1 FROM bulk_runs WHERE run_id = $1', [runId])
    if (run.rowCount === 0) return null
    const r = await tx.query<{ ordinal: number; sha256: string; name: string; held: boolean }>(
      `SELECT f.ordinal, f.sha256, f.name, b.sha256 IS NOT NULL AS held
         FROM bulk_files f LEFT JOIN bulk_blobs b ON b.tenant_id = f.tenant_id AND b.sha256 = f.sha256
        WHERE f.run_id = $1 AND f.state = 'queued' ORDER BY f.ordinal`,
      [runId],
    )
    return {
      ordinals: r.rows.map((row) => ({ ordinal: row.ordinal, sha256: row.sha256 })),
      notUploaded: r.rows.filter((row) => !row.held).map((row) => row.name),
    }
  })
}

type StatusRow = {
  run_id: string
  created_at: Date
  pipeline_version: string
  file_count: number
  queued: string
  screened: string
  duplicate: string
  failed: string
}

const STATUS_SQL = `
  SELECT r.run_id, r.created_at, r.pipeline_version, r.file_count,
         count(*) FILTER (WHERE f.state = 'queued') AS queued,
         count(*) FILTER (WHERE f.state = 'screened') AS screened,
         count(*) FILTER (WHERE f.state = 'duplicate') AS duplicate,
         count(*) FILTER (WHERE f.state = 'failed') AS failed
    FROM bulk_runs r LEFT JOIN bulk_files f ON f.tenant_id = r.tenant_id AND f.run_id = r.run_id`

function toStatus(row: StatusRow): RunStatus {
  const queued = Number(row.queued)
  return {
    runId: row.run_id,
    createdAt: row.created_at.toISOString(),
    pipelineVersion: row.pipeline_version,
    files: row.file_count,
    queued,
    screened: Number(row.screened),
    duplicate: Number(row.duplicate),
    failed: Number(row.failed),
    done: queued === 0,
  }
}

export async function runStatus(db: Db, tenant: string, runId: string): Promise<RunStatus | null> {
  return withTenant(db, tenant, async (tx) => {
    const r = await tx.query<StatusRow>(`${STATUS_SQL} WHERE r.run_id = $1 GROUP BY r.tenant_id, r.run_id`, [
      runId,
    ])
    return r.rows[0] ? toStatus(r.rows[0]) : null
  })
}

export async function listRuns(db: Db, tenant: string, limit = 20): Promise<RunStatus[]> {
  return withTenant(db, tenant, async (tx) => {
    const r = await tx.query<StatusRow>(
      `${STATUS_SQL} GROUP BY r.tenant_id, r.run_id ORDER BY r.created_at DESC LIMIT $1`,
      [limit],
    )
    return r.rows.map(toStatus)
  })
}
