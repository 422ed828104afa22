import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { DEFAULT_SCALE_POLICY, parseScaleRange } from '../bulk/autoscale'
import { DEFAULT_QUEUE_SETTINGS } from '../bulk/queue'
import { runSupervisor } from './supervisor'
import { runWorker } from './worker'

const USAGE = `usage: npm run workers -- --database-url URL [--concurrency N] [--autoscale MIN..MAX]
  --database-url URL     the hub's PostgreSQL (default: $DATABASE_URL)
  --concurrency N        document threads in this worker (default 2; 4 jobs in flight per thread)
  --autoscale MIN..MAX   run a supervisor instead: start/stop MIN..MAX workers by queue depth
  --lease-seconds S      a job whose worker died is handed out again after S seconds (default 300)
  --retry-limit N        retries of a transient failure before the dead-letter queue (default 3)
  --retry-delay S        first retry after S seconds, doubling (default 5)
  --maintenance-seconds S  how often expired leases are reclaimed (default 30)
  --jobs-per-worker N    autoscale: waiting jobs per worker (default 500, worker_queue_depth)
  --cooldown S           autoscale: seconds after a change before scaling down (default 60)
  --app-root DIR         where out/main/document-worker.js is (default: this checkout)`

const positive = (flag: string) =>
  z.coerce
    .number({ error: `${flag} must be a number` })
    .int(`${flag} must be whole`)
    .positive(`${flag} must be > 0`)

const argsSchema = z.object({
  'database-url': z.string().min(1, '--database-url is required (or set DATABASE_URL)'),
  concurrency: positive('--concurrency').default(2),
  'lease-seconds': positive('--lease-seconds').default(DEFAULT_QUEUE_SETTINGS.leaseSeconds),
  'retry-limit': z.coerce.number().int().nonnegative().default(DEFAULT_QUEUE_SETTINGS.retryLimit),
  'retry-delay': positive('--retry-delay').default(DEFAULT_QUEUE_SETTINGS.retryDelaySeconds),
  'maintenance-seconds': positive('--maintenance-seconds').default(30),
  'jobs-per-worker': positive('--jobs-per-worker').default(DEFAULT_SCALE_POLICY.jobsPerWorker),
  cooldown: z.coerce.number().nonnegative().default(DEFAULT_SCALE_POLICY.cooldownSeconds),
  autoscale: z.string().optional(),
  'app-root': z.string().min(1).optional(),
})

const emit = (event: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...event })}\n`)

async function main(argv: string[]): Promise<void> {
  const flags = Object.fromEntries(
    Object.keys(argsSchema.shape).map((k) => [k, { type: 'string' }] as const),
  ) as Record<keyof typeof argsSchema.shape, { type: 'string' }>
  const { values } = parseArgs({
    args: argv,
    options: { ...flags, help: { type: 'boolean' } },
    strict: true,
  })
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  const parsed = argsSchema.safeParse({ 'database-url': process.env.DATABASE_URL, ...values })
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => i.message).join('; ')}\n${USAGE}`)
  const args = parsed.data
  const here = dirname(fileURLToPath(import.meta.url))
  let stop: () => Promise<void>
  if (args.autoscale !== undefined) {
    const range = parseScaleRange(args.autoscale)
    const passOn = argv.filter(
      (a, i) => a !== '--autoscale' && argv[i - 1] !== '--autoscale' && !a.startsWith('--autoscale='),
    )
    ;({ stop } = await runSupervisor({
      databaseUrl: args['database-url'],
      policy: {
        ...DEFAULT_SCALE_POLICY,
        ...range,
        jobsPerWorker: args['jobs-per-worker'],
        cooldownSeconds: args.cooldown,
      },
      command: { script: fileURLToPath(import.meta.url), args: passOn },
      tickSeconds: 5,
      emit,
    }))
  } else {
    ;({ stop } = await runWorker({
      databaseUrl: args['database-url'],
      concurrency: args.concurrency,
      // out/workers/main.mjs and server/workers/main.ts both sit two folders below the app root.
      appRoot: args['app-root'] ?? resolve(here, '..', '..'),
      queue: {
        retryLimit: args['retry-limit'],
        retryDelaySeconds: args['retry-delay'],
        leaseSeconds: args['lease-seconds'],
      },
      maintenanceSeconds: args['maintenance-seconds'],
      emit,
    }))
  }
  const shutdown = () => {
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGTERM', shutdown)
  process.once('SIGINT', shutdown)
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`pebble-workers: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
