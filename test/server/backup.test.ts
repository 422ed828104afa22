import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { createRequire } from 'node:module'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARCHIVED_TABLES, archiveToBucket } from '../../server/backup/archive'
import { backupDatabase } from '../../server/backup/pg-dump'
import { startTestHub, type TestHub } from './support/hub'
import { correction, postIngest } from './support/records'

// s3rver ships no types; this is the part of its API the test uses.
interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>
  close(): Promise<void>
}
type S3rverClass = new (options: {
  address: string
  port: number
  silent: boolean
  directory: string
  configureBuckets: { name: string }[]
}) => S3rverInstance
const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass

let hub: TestHub
let dir: string
beforeAll(async () => {
  hub = await startTestHub()
  dir = await mkdtemp(join(tmpdir(), 'hub-backups-'))
})
afterAll(async () => {
  await hub.close()
  await rm(dir, { recursive: true, force: true })
})

describe('hub backup --dir', () => {
  it('names each dump by its day and keeps only the newest N days', async () => {
    await writeFile(join(dir, 'operator-notes.txt'), 'not a dump')
    for (const day of ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04']) {
      const r = await backupDatabase({
        databaseUrl: hub.database.url,
        dir,
        keep: 3,
        now: new Date(`${day}T02:00:00Z`),
      })
      expect(r.bytes).toBeGreaterThan(0)
    }
    expect((await readdir(dir)).sort()).toEqual([
      'operator-notes.txt',
      'pebble-hub-2026-11-02.dump',
      'pebble-hub-2026-11-03.dump',
      'pebble-hub-2026-11-04.dump',
    ])
  })

  it('says which tool failed and why when the database cannot be reached', async () => {
    await expect(
      backupDatabase({
        databaseUrl: 'postgres://postgres@127.0.0.1:1/none',
        dir,
        now: new Date('2026-11-05'),
      }),
    ).rejects.toThrow(/pg_dump failed: .*(connect|Connection refused)/i)
    expect(await readdir(dir)).not.toContain('pebble-hub-2026-11-05.dump')
  })
})

describe('hub archive (weekly, S3-compatible bucket)', () => {
  let s3rver: S3rverInstance
  let s3: S3Client
  beforeAll(async () => {
    s3rver = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: join(dir, 's3'),
      configureBuckets: [{ name: 'hub-audit' }],
    })
    const { port } = await s3rver.run()
    s3 = new S3Client({
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      region: 'us-east-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    })
  })
  afterAll(async () => {
    s3.destroy()
    await s3rver.close()
  })

  it("uploads every tenant's audit and ground-truth tables and deletes archives over a year old", async () => {
    const token = await hub.desk('arch-a', 'arch-a-desk')
    const records = [correction('arch-a'), correction('arch-a')]
    expect((await postIngest(hub.url, token, { records })).status).toBe(200)
    const stale = 'hub-archive/2025-11-01/arch-a/ingest_records.jsonl'
    const kept = 'hub-archive/2025-12-10/arch-a/ingest_records.jsonl'
    for (const Key of [stale, kept])
      await s3.send(new PutObjectCommand({ Bucket: 'hub-audit', Key, Body: Buffer.alloc(0) }))

    const r = await archiveToBucket(hub.db, s3, {
      bucket: 'hub-audit',
      now: new Date('2026-12-05T03:00:00Z'),
    })
    expect(r.expired).toEqual([stale])
    const ingest = r.uploaded.find((u) => u.key === 'hub-archive/2026-12-05/arch-a/ingest_records.jsonl')
    expect(ingest?.rows).toBe(2)
    const body = await (
      await s3.send(new GetObjectCommand({ Bucket: 'hub-audit', Key: ingest?.key }))
    ).Body?.transformToString()
    const ids = (body ?? '')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { id: string }).id)
    expect(ids.sort()).toEqual(records.map((x) => x.id).sort())

    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'hub-audit', Prefix: 'hub-archive/' }))
    const keys = (listed.Contents ?? []).map((o) => o.Key)
    expect(keys).not.toContain(stale)
    expect(keys).toContain(kept)
    for (const table of ARCHIVED_TABLES)
      expect(keys).toContain(`hub-archive/2026-12-05/arch-a/${table}.jsonl`)
  })
})
