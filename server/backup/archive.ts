import {
  DeleteObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3'
import type { Db } from '../db/pool'
import { withOwner } from '../db/pool'

/**
 * The tables that are the hub's audit trail (every record a desk sent, alerts, trainings, model
 * events) and its ground truth. Each is tenant-scoped, so they are read tenant by tenant under RLS.
 */
export const ARCHIVED_TABLES = [
  'ingest_records',
  'alerts',
  'trainings',
  'model_events',
  'tender_decisions',
  'field_corrections',
  'coa_results',
  'scans',
] as const

export const ARCHIVE_RETENTION_DAYS = 365

const DAY_KEY = /^(?:.*\/)?(\d{4}-\d{2}-\d{2})\/[^/]+\/[^/]+\.jsonl$/

export interface ArchiveResult {
  uploaded: { key: string; rows: number }[]
  expired: string[]
}

/**
 * One weekly run: every tenant's archived tables as JSON lines under `<prefix><day>/<tenant>/`,
 * then objects whose day is more than a year before `now` are deleted. Retention reads the day in
 * the key rather than S3's LastModified, so a re-uploaded old export still expires on time and
 * the rule does not depend on the bucket supporting lifecycle configuration.
 */
export async function archiveToBucket(
  db: Db,
  s3: S3Client,
  options: { bucket: string; prefix?: string; now: Date; retentionDays?: number },
): Promise<ArchiveResult> {
  const prefix = options.prefix ?? 'hub-archive/'
  const day = options.now.toISOString().slice(0, 10)
  const tenants = await db.query<{ tenant_id: string }>('SELECT tenant_id FROM tenants ORDER BY tenant_id')
  const uploaded: ArchiveResult['uploaded'] = []
  for (const { tenant_id: tenant } of tenants.rows) {
    for (const table of ARCHIVED_TABLES) {
      const rows = await withOwner(db, tenant, (tx) =>
        tx.query<{ row: unknown }>(
          `SELECT row_to_json(t) AS row FROM (SELECT * FROM ${table} ORDER BY 1, 2) t`,
        ),
      )
      const key = `${prefix}${day}/${tenant}/${table}.jsonl`
      const body = rows.rows.map((r) => JSON.stringify(r.row)).join('\n')
      await s3.send(
        new PutObjectCommand({
          Bucket: options.bucket,
          Key: key,
          Body: Buffer.from(body.length > 0 ? `${body}\n` : ''),
          ContentType: 'application/x-ndjson',
        }),
      )
      uploaded.push({ key, rows: rows.rowCount ?? 0 })
    }
  }
  const expired = await expireArchives(s3, {
    bucket: options.bucket,
    prefix,
    now: options.now,
    retentionDays: options.retentionDays ?? ARCHIVE_RETENTION_DAYS,
  })
  return { uploaded, expired }
}

/** Deletes archive objects whose day is older than `retentionDays` before `now`. */
export async function expireArchives(
  s3: S3Client,
  options: { bucket: string; prefix: string; now: Date; retentionDays: number },
): Promise<string[]> {
  const cutoff = new Date(options.now.getTime() - options.retentionDays * 86_400_000)
    .toISOString()
    .slice(0, 10)
  const expired: string[] = []
  let token: string | undefined
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: options.bucket, Prefix: options.prefix, ContinuationToken: token }),
    )
    for (const object of page.Contents ?? []) {
      const day = object.Key ? DAY_KEY.exec(object.Key)?.[1] : undefined
      if (object.Key && day !== undefined && day < cutoff) expired.push(object.Key)
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (token)
  for (let i = 0; i < expired.length; i += 1000) {
    await s3.send(
      new DeleteObjectsCommand({
        Bucket: options.bucket,
        Delete: { Objects: expired.slice(i, i + 1000).map((Key) => ({ Key })) },
      }),
    )
  }
  return expired
}
