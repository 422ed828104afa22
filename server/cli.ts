import { parseArgs } from 'node:util'
import { S3Client } from '@aws-sdk/client-s3'
import { AlertMonitor } from './alerts/monitor'
import { postWebhook } from './alerts/webhook'
import { buildHub } from './app'
import { archiveToBucket } from './backup/archive'
import { backupDatabase, DEFAULT_KEEP_DAYS, restoreDatabase } from './backup/pg-dump'
import { describeDatabase, loadConfig } from './config'
import { migrate } from './db/migrate'
import { createPool } from './db/pool'
import { runIncidentsCli } from './incidents/cli'
import { IncidentMonitor } from './incidents/monitor'
import { deliverModelAlerts, LearningMonitor } from './learning/monitor'
import { trainAndRecord } from './learning/registry'
import { trainHere, trainInWorker } from './learning/worker'
import { registerDesk, revokeDesk } from './store/desks'
import { recordTraining } from './store/training'

const USAGE = `usage: node out/hub/main.mjs [command]
  serve                                   (default) migrate, then serve on HOST:PORT
  migrate                                 apply pending migrations and exit
  create-desk --tenant T --desk D         create tenant/desk, print a new token ONCE (rotates old ones)
  revoke-desk --tenant T --desk D         revoke every token of the desk
  record-training --tenant T [--model-version V] [--at ISO] [--note N]
  train --tenant T --kind relevance       train a candidate on the tenant's decisions, record it in the
                                          registry, promote it only if it beats the current version
                                          on the same validation split; prints the result as JSON
  backup --dir DIR [--keep N]             pg_dump -Fc to DIR/pebble-hub-YYYY-MM-DD.dump, keep the newest
                                          N daily files (default ${DEFAULT_KEEP_DAYS})
  restore --from FILE --database-url URL  pg_restore FILE into URL (created when missing; must be empty)
  archive --bucket B [--endpoint URL] [--prefix P]
                                          weekly: audit and ground-truth tables as JSON lines to an S3
                                          bucket; deletes archives older than 365 days
  incidents list|show|ack|move|resolve|postmortem|close|review
                                          the incident workflow (JSON; \`incidents\` alone lists the flags)
Every command needs the database: DATABASE_URL or --database-url URL (no default; printed on stderr).
Other configuration comes from the environment (see server/README.md).`

/** Runs one command; returns the process exit code (serve never returns until stopped). */
export async function runCli(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const [command = 'serve', ...rest] = argv
  // Sub-commands with flags of their own (server/incidents/cli.ts).
  if (command === 'incidents') return runIncidentsCli(rest, env)
  const { values } = parseArgs({
    args: rest,
    options: {
      tenant: { type: 'string' },
      desk: { type: 'string' },
      'model-version': { type: 'string' },
      at: { type: 'string' },
      note: { type: 'string' },
      kind: { type: 'string' },
      dir: { type: 'string' },
      keep: { type: 'string' },
      from: { type: 'string' },
      'database-url': { type: 'string' },
      bucket: { type: 'string' },
      endpoint: { type: 'string' },
      prefix: { type: 'string' },
    },
    strict: true,
  })
  const config = loadConfig({ ...env, DATABASE_URL: values['database-url'] ?? env.DATABASE_URL })
  // stderr, so stdout stays machine-readable (tokens, JSON results).
  process.stderr.write(`pebble-hub: database ${describeDatabase(config.DATABASE_URL)}\n`)
  const need = (name: 'tenant' | 'desk' | 'kind' | 'dir' | 'from' | 'database-url' | 'bucket'): string => {
    const v = values[name]
    if (v === undefined) throw new Error(`--${name} is required\n${USAGE}`)
    return v
  }

  switch (command) {
    case 'migrate': {
      const r = await migrate(config.DATABASE_URL, config.MIGRATIONS_DIR)
      process.stdout.write(`${JSON.stringify(r)}\n`)
      return 0
    }
    case 'create-desk':
    case 'revoke-desk':
    case 'record-training': {
      await migrate(config.DATABASE_URL, config.MIGRATIONS_DIR)
      const db = createPool(config.DATABASE_URL, 2)
      try {
        if (command === 'create-desk') {
          process.stdout.write(`${await registerDesk(db, need('tenant'), need('desk'))}\n`)
        } else if (command === 'revoke-desk') {
          const n = await revokeDesk(db, need('tenant'), need('desk'))
          process.stdout.write(`revoked ${n} token(s)\n`)
        } else {
          const at = values.at === undefined ? new Date() : new Date(values.at)
          if (Number.isNaN(at.getTime())) throw new Error(`--at: not a date: ${values.at}`)
          await recordTraining(db, need('tenant'), at, values['model-version'] ?? null, values.note ?? null)
          process.stdout.write(`recorded training for ${need('tenant')} at ${at.toISOString()}\n`)
        }
      } finally {
        await db.end()
      }
      return 0
    }
    case 'train': {
      const tenant = need('tenant')
      const kind = need('kind')
      if (kind !== 'relevance')
        throw new Error(`--kind: the hub trains "relevance" models, not "${kind}"\n${USAGE}`)
      await migrate(config.DATABASE_URL, config.MIGRATIONS_DIR)
      const db = createPool(config.DATABASE_URL, 2)
      try {
        const { report } = await trainAndRecord(db, tenant, kind, new Date(), 'cli', trainHere, {
          greenShare: config.ROLLOUT_GREEN_SHARE,
        })
        await deliverModelAlerts(db, tenant, postWebhook, config.ALERT_WEBHOOKS, () => new Date())
        process.stdout.write(`${JSON.stringify(report)}\n`)
      } finally {
        await db.end()
      }
      return 0
    }
    case 'backup': {
      const keep = values.keep === undefined ? DEFAULT_KEEP_DAYS : Number(values.keep)
      const r = await backupDatabase({ databaseUrl: config.DATABASE_URL, dir: need('dir'), keep })
      process.stdout.write(`${JSON.stringify(r)}\n`)
      return 0
    }
    case 'restore': {
      const r = await restoreDatabase({ from: need('from'), databaseUrl: need('database-url') })
      process.stdout.write(`${JSON.stringify(r)}\n`)
      return 0
    }
    case 'archive': {
      const db = createPool(config.DATABASE_URL, 2)
      // Credentials and region come from the SDK's usual environment (AWS_ACCESS_KEY_ID, AWS_REGION…).
      const s3 = new S3Client({
        endpoint: values.endpoint,
        forcePathStyle: values.endpoint !== undefined,
        region: env.AWS_REGION ?? 'us-east-1',
      })
      try {
        const r = await archiveToBucket(db, s3, {
          bucket: need('bucket'),
          prefix: values.prefix,
          now: new Date(),
        })
        process.stdout.write(`${JSON.stringify(r)}\n`)
      } finally {
        s3.destroy()
        await db.end()
      }
      return 0
    }
    case 'serve':
      await serve(config)
      return 0
    default:
      process.stderr.write(`${USAGE}\n`)
      return 2
  }
}

async function serve(config: ReturnType<typeof loadConfig>): Promise<void> {
  await migrate(config.DATABASE_URL, config.MIGRATIONS_DIR)
  const db = createPool(config.DATABASE_URL, config.DB_POOL_SIZE)
  const { app } = buildHub(db, config)
  const monitor = new AlertMonitor(db, config, () => new Date(), postWebhook)
  const incidents = new IncidentMonitor(db, config, () => new Date(), postWebhook)
  const timer = setInterval(() => {
    // Incidents follow the quiet-desk alerts, so they tick right after them.
    monitor
      .tick()
      .then(() => incidents.tick())
      .catch((error: unknown) => app.log.error({ err: error }, 'alert tick failed'))
  }, config.ALERT_CHECK_SECONDS * 1000)
  timer.unref()
  const learning = new LearningMonitor(
    db,
    config,
    () => new Date(),
    postWebhook,
    trainInWorker(),
    (m) => app.log.info(m),
  )
  const learningTimer = setInterval(() => {
    learning.tick().catch((error: unknown) => app.log.error({ err: error }, 'learning tick failed'))
  }, config.LEARNING_CHECK_SECONDS * 1000)
  learningTimer.unref()
  const address = await app.listen({ host: config.HOST, port: config.PORT })
  // One machine-readable line, so scripts and tests that start the hub on port 0 learn the port.
  process.stdout.write(`${JSON.stringify({ event: 'listening', address })}\n`)
  await new Promise<void>((resolve) => {
    const stop = () => {
      clearInterval(timer)
      clearInterval(learningTimer)
      void app
        .close()
        .then(() => db.end())
        .finally(resolve)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
}
