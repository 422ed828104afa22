import { parseArgs } from 'node:util'
import { AlertMonitor } from './alerts/monitor'
import { postWebhook } from './alerts/webhook'
import { buildHub } from './app'
import { loadConfig } from './config'
import { migrate } from './db/migrate'
import { createPool } from './db/pool'
import { registerDesk, revokeDesk } from './store/desks'
import { recordTraining } from './store/training'

const USAGE = `usage: node out/hub/main.mjs [command]
  serve                                   (default) migrate, then serve on HOST:PORT
  migrate                                 apply pending migrations and exit
  create-desk --tenant T --desk D         create tenant/desk, print a new token ONCE (rotates old ones)
  revoke-desk --tenant T --desk D         revoke every token of the desk
  record-training --tenant T [--model-version V] [--at ISO] [--note N]
Configuration comes from the environment (see server/README.md).`

/** Runs one command; returns the process exit code (serve never returns until stopped). */
export async function runCli(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const [command = 'serve', ...rest] = argv
  const { values } = parseArgs({
    args: rest,
    options: {
      tenant: { type: 'string' },
      desk: { type: 'string' },
      'model-version': { type: 'string' },
      at: { type: 'string' },
      note: { type: 'string' },
    },
    strict: true,
  })
  const config = loadConfig(env)
  const need = (name: 'tenant' | 'desk'): string => {
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
  const timer = setInterval(() => {
    monitor.tick().catch((error: unknown) => app.log.error({ err: error }, 'alert tick failed'))
  }, config.ALERT_CHECK_SECONDS * 1000)
  timer.unref()
  const address = await app.listen({ host: config.HOST, port: config.PORT })
  // One machine-readable line, so scripts and tests that start the hub on port 0 learn the port.
  process.stdout.write(`${JSON.stringify({ event: 'listening', address })}\n`)
  await new Promise<void>((resolve) => {
    const stop = () => {
      clearInterval(timer)
      void app
        .close()
        .then(() => db.end())
        .finally(resolve)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
}
