import { z } from 'zod'
import { formatZodIssues } from '../src/shared/contract/errors'
import { parseBusinessHours, type BusinessHours } from './alerts/business-hours'

const urlList = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((u) => u.trim())
      .filter((u) => u.length > 0),
  )
  .pipe(z.array(z.url({ protocol: /^https?$/ })))

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback)

const envSchema = z.object({
  // No default: a hub command once fell back to the `postgres` database and migrated into it.
  DATABASE_URL: z
    .string({ error: 'not set: name the hub database with DATABASE_URL or --database-url' })
    .min(1)
    .refine(isPostgresUrl, 'not a postgres:// URL'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  /** Enables the admin endpoints (alert ack, record training); unset means they answer 401. */
  HUB_ADMIN_TOKEN: z.string().min(24).optional(),
  INGEST_MAX_BYTES: positiveInt(8 * 1024 * 1024),
  DB_POOL_SIZE: positiveInt(10),
  BUSINESS_HOURS: z.string().default('mon-fri 08:00-18:00'),
  BUSINESS_TZ: z
    .string()
    .default('UTC')
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en-GB', { timeZone: tz })
        return true
      } catch {
        return false
      }
    }, 'not an IANA time zone'),
  QUIET_MINUTES: positiveInt(30),
  ALERT_WEBHOOKS: urlList,
  ESCALATION_WEBHOOKS: urlList,
  ESCALATE_AFTER_MINUTES: positiveInt(30),
  ALERT_CHECK_SECONDS: positiveInt(60),
  RETRAIN_MAX_AGE_DAYS: positiveInt(30),
  RETRAIN_CONFIDENCE_WINDOW: positiveInt(500),
  RETRAIN_CONFIDENCE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.85),
  /** How often serve scores live decisions, checks rollouts and retrains tenants that are due. */
  LEARNING_CHECK_SECONDS: positiveInt(300),
  /** Share of desks that get a newly promoted model first (the rest keep the previous one). */
  ROLLOUT_GREEN_SHARE: z.coerce.number().gt(0).max(1).default(0.5),
  /** Decisions both versions scored before live accuracy may roll a green version back. */
  ROLLOUT_MIN_SAMPLES: positiveInt(10),
  /** Labelled decisions after which a green version that held up goes to every desk. */
  ROLLOUT_FULL_AFTER: positiveInt(200),
  /** Public base URL put into alert texts so the ack link is clickable. */
  PUBLIC_URL: z.url().optional(),
  /** Defaults to server/migrations next to the source or the bundle. */
  MIGRATIONS_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

function isPostgresUrl(s: string): boolean {
  try {
    return /^postgres(ql)?:$/.test(new URL(s).protocol)
  } catch {
    return false
  }
}

/** host:port/database and user, never the password: safe to print and log. */
export function describeDatabase(url: string): string {
  const u = new URL(url)
  const user = u.username === '' ? '' : ` as ${decodeURIComponent(u.username)}`
  return `${u.hostname}:${u.port || '5432'}${u.pathname || '/'}${user}`
}

export type HubConfig = Omit<z.infer<typeof envSchema>, 'BUSINESS_HOURS'> & {
  BUSINESS_HOURS: BusinessHours
}

export function loadConfig(env: Record<string, string | undefined> = process.env): HubConfig {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) throw new Error(`invalid hub configuration: ${formatZodIssues(parsed.error)}`)
  return { ...parsed.data, BUSINESS_HOURS: parseBusinessHours(parsed.data.BUSINESS_HOURS) }
}
