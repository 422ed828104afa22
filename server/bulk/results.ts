import { bulkScreenedSchema, type BulkFileResult, type BulkScreened } from '../../src/shared/bulk/wire'
import { profileSchema, type Profile } from '../../src/shared/tenders/screening/profile'
import { withTenant, type Db } from '../db/pool'

/** Every file of a run in order, with the screened result of its content (a duplicate's first copy's). */
export async function runFiles(db: Db, tenant: string, runId: string): Promise<BulkFileResult[]> {
  return withTenant(db, tenant, async (tx) => {
    const r = await tx.query<{
      ordinal: number
      name: string
      sha256: string
      state: BulkFileResult['state']
      duplicate_of: number | null
      dup_name: string | null
      reason: string | null
      attempts: number
      result: unknown
    }>(
      `SELECT f.ordinal, f.name, f.sha256, f.state, f.duplicate_of, d.name AS dup_name, f.reason, f.attempts,
              res.result
         FROM bulk_files f
         JOIN bulk_runs r ON r.tenant_id = f.tenant_id AND r.run_id = f.run_id
         LEFT JOIN bulk_files d ON d.tenant_id = f.tenant_id AND d.run_id = f.run_id AND d.ordinal = f.duplicate_of
         LEFT JOIN bulk_results res ON res.tenant_id = f.tenant_id AND res.sha256 = f.sha256
                                   AND res.pipeline_version = r.pipeline_version AND f.state = 'screened'
        WHERE f.run_id = $1 ORDER BY f.ordinal`,
      [runId],
    )
    return r.rows.map((row) => ({
      ordinal: row.ordinal,
      name: row.name,
      sha256: row.sha256,
      state: row.state,
      ...(row.duplicate_of !== null
        ? { duplicateOf: { ordinal: row.duplicate_of, name: row.dup_name ?? '' } }
        : {}),
      ...(row.reason !== null ? { reason: row.reason } : {}),
      attempts: row.attempts,
      ...(row.result !== null ? { result: bulkScreenedSchema.parse(row.result) } : {}),
    }))
  })
}

export type JobContext = {
  name: string
  state: BulkFileResult['state']
  bytes: Buffer
  profiles: Profile[]
  pipelineVersion: string
  modelVersion: string | null
  /** Already screened by this pipeline (an earlier run, or this job before its worker died). */
  existing: boolean
}

/** What a worker needs for one job; counts the attempt in the same transaction. */
export async function startJob(
  db: Db,
  tenant: string,
  runId: string,
  ordinal: number,
  /** False for the dead-letter handler, which only records the outcome of attempts already made. */
  countAttempt = true,
): Promise<JobContext | null> {
  return withTenant(db, tenant, async (tx) => {
    const r = await tx.query<{
      name: string
      state: BulkFileResult['state']
      sha256: string
      profiles: unknown
      pipeline_version: string
      model_version: string | null
    }>(
      `UPDATE bulk_files f SET attempts = attempts + $3::int
         FROM bulk_runs r
        WHERE r.tenant_id = f.tenant_id AND r.run_id = f.run_id AND f.run_id = $1 AND f.ordinal = $2
        RETURNING f.name, f.state, f.sha256, r.profiles, r.pipeline_version, r.model_version`,
      [runId, ordinal, countAttempt ? 1 : 0],
    )
    const row = r.rows[0]
    if (!row) return null
    const existing = await tx.query(
      'SELECT 1 FROM bulk_results WHERE sha256 = $1 AND pipeline_version = $2',
      [row.sha256, row.pipeline_version],
    )
    const blob = await tx.query<{ bytes: Buffer }>('SELECT bytes FROM bulk_blobs WHERE sha256 = $1', [
      row.sha256,
    ])
    return {
      name: row.name,
      state: row.state,
      bytes: blob.rows[0]?.bytes ?? Buffer.alloc(0),
      profiles: profileSchema.array().parse(row.profiles),
      pipelineVersion: row.pipeline_version,
      modelVersion: row.model_version,
      existing: (existing.rowCount ?? 0) > 0,
    }
  })
}

/**
 * The one write of a job's outcome. The result row is keyed by (tenant, content, pipeline) and
 * the file moves out of 'queued' only once, so a job that runs again after its worker died (or
 * two workers racing on an expired lease) leaves exactly one result and one terminal state.
 */
export async function finishJob(
  db: Db,
  tenant: string,
  runId: string,
  ordinal: number,
  outcome:
    | { screened: BulkScreened; sha256: string; pipelineVersion: string }
    | { reused: true }
    | { failed: string },
  worker: string,
  now: Date,
): Promise<void> {
  await withTenant(db, tenant, async (tx) => {
    if ('screened' in outcome) {
      await tx.query(
        `INSERT INTO bulk_results (tenant_id, sha256, pipeline_version, result, worker)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [tenant, outcome.sha256, outcome.pipelineVersion, JSON.stringify(outcome.screened), worker],
      )
    }
    await tx.query(
      `UPDATE bulk_files SET state = $3, reason = $4, finished_at = $5
        WHERE run_id = $1 AND ordinal = $2 AND state = 'queued'`,
      [
        runId,
        ordinal,
        'failed' in outcome ? 'failed' : 'screened',
        'failed' in outcome ? outcome.failed : null,
        now,
      ],
    )
  })
}

export async function relevanceArtefact(db: Db, tenant: string, version: string): Promise<unknown> {
  return withTenant(db, tenant, async (tx) => {
    const r = await tx.query<{ artefact: string }>(
      `SELECT artefact FROM model_versions WHERE kind = 'relevance' AND version = $1`,
      [version],
    )
    const row = r.rows[0]
    if (!row) throw new Error(`tenant ${tenant}: relevance model ${version} is not in the registry`)
    return JSON.parse(row.artefact) as unknown
  })
}
