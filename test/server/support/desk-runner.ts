// A desk as its own OS process, for the chaos test. fake-indexeddb lives in memory, so the durable
// store is modelled by two files: rows.json (the outbox as first written) and sent.log (ids marked
// sent, appended from inside the markSent transaction). A restart rebuilds the outbox from them.
// SIGKILL is a real kill at whatever point the flush has reached.
import 'fake-indexeddb/auto'
import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openTenantDb, outboxDepth, type OutboxRow } from '../../../src/renderer/db'
import { MemorySettings, OutboxProcessor, type FetchLike } from '../../../src/renderer/sync'
import { uuidv7 } from '../../../src/shared/ids'
import { ingestAckSchema } from '../../../src/shared/sync/wire'

const env = (name: string): string => {
  const v = process.env[name]
  if (v === undefined) throw new Error(`${name} is required`)
  return v
}
const stateDir = env('DESK_STATE_DIR')
const tenant = env('DESK_TENANT')
const count = Number(env('DESK_COUNT'))
const batchSize = Number(process.env.DESK_BATCH ?? '25')
const rowsFile = join(stateDir, 'rows.json')
const sentFile = join(stateDir, 'sent.log')
const say = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`)

function generate(): OutboxRow[] {
  const base = Date.now()
  return Array.from({ length: count }, (_, i) => {
    const createdAt = new Date(base + i).toISOString()
    return {
      id: uuidv7(),
      tenant,
      kind: 'field.correction',
      entityTable: 'decisions',
      entityId: uuidv7(),
      payload: {
        documentId: `${tenant}-doc-${i}`,
        documentHash: 'ef'.repeat(32),
        field: 'lot',
        originalValue: `L-${i}O`,
        correctedValue: `L-${i}0`,
        modelVersion: 'coa-extract@1.4.0',
        confidence: 0.7,
        correctedBy: 'qa.lead',
        correctedAt: createdAt,
      },
      createdAt,
      state: 'pending',
      attempts: 0,
    }
  })
}

async function main(): Promise<void> {
  let rows: OutboxRow[]
  if (existsSync(rowsFile)) rows = JSON.parse(readFileSync(rowsFile, 'utf8')) as OutboxRow[]
  else {
    rows = generate()
    writeFileSync(`${rowsFile}.tmp`, JSON.stringify(rows))
    renameSync(`${rowsFile}.tmp`, rowsFile)
  }
  const sent = new Set(existsSync(sentFile) ? readFileSync(sentFile, 'utf8').split('\n').filter(Boolean) : [])
  const db = await openTenantDb(tenant)
  await db.outbox.bulkAdd(rows.map((r) => (sent.has(r.id) ? { ...r, state: 'sent' as const } : r)))
  db.outbox.hook('updating', (mods, id) => {
    if ((mods as Partial<OutboxRow>).state === 'sent') appendFileSync(sentFile, `${String(id)}\n`)
    return undefined
  })

  const acks = { stored: 0, duplicates: 0, rejected: 0, requests: 0 }
  const counting: FetchLike = async (url, init) => {
    if (url.endsWith('/v1/ingest')) {
      acks.requests += 1
      say({ event: 'sending' })
    }
    const response = await fetch(url, init)
    if (url.endsWith('/v1/ingest') && response.ok) {
      const ack = ingestAckSchema.safeParse(
        await response
          .clone()
          .json()
          .catch(() => null),
      )
      if (ack.success) {
        acks.stored += ack.data.stored
        acks.duplicates += ack.data.duplicates
        acks.rejected += ack.data.rejected
      }
    }
    return response
  }
  const processor = new OutboxProcessor({
    db,
    settings: new MemorySettings({
      hubUrl: env('HUB_URL'),
      deskId: env('DESK_ID'),
      token: env('DESK_TOKEN'),
    }),
    fetch: counting,
    batchSize,
    backoff: { baseMs: 50, capMs: 1_000 },
    idlePollMs: 100,
    requestTimeoutMs: 5_000,
  })
  say({ event: 'started', pending: await outboxDepth(db), alreadySent: sent.size })
  processor.onStatus((s) => {
    if (s.state !== 'idle' || s.pending !== 0) return
    void outboxDepth(db).then(async (depth) => {
      if (depth !== 0) return
      await processor.stop()
      say({ event: 'drained', ...acks })
      process.exit(0)
    })
  })
  processor.start()
}

main().catch((error: unknown) => {
  say({ event: 'crashed', message: error instanceof Error ? error.message : String(error) })
  process.exit(1)
})
