import { parseArgs } from 'node:util'
import { z } from 'zod'
import { formatZodIssues } from '../../src/shared/contract/errors'
import { describeDatabase, loadConfig } from '../config'
import { migrate } from '../db/migrate'
import { createPool, type Db } from '../db/pool'
import { stateSchema } from './model'
import { acknowledgeSource, calendarOf } from './monitor'
import {
  getIncident,
  listIncidents,
  moveIncident,
  recordPostmortem,
  weeklyReview,
  weekStartOf,
} from './store'

export const INCIDENTS_USAGE = `usage: npm run hub -- incidents <command> [--database-url URL]   (prints JSON)
  list [--all]                               open incidents (and SEV-1s owing a post-mortem); --all: every one
  show --id ID                               one incident with its timeline
  ack --id ID [--by NAME]                    acknowledge (stops the ack clock; acks the hub alert behind it too)
  move --id ID --to STATE [--by] [--note]    investigating | mitigating | rollback | resolved | closed
  resolve --id ID [--by NAME] [--note TEXT]  mitigating -> resolved
  postmortem --id ID --root-cause TEXT --action ITEM [--action ITEM ...] [--by NAME]
  close --id ID [--by NAME]                  resolved -> closed (SEV-1: only by its post-mortem)
  review [--week YYYY-MM-DD]                 the week's SEV-1 and SEV-2 incidents (default: this week)`

const idSchema = z.uuid()
const SUBCOMMANDS = ['list', 'show', 'ack', 'move', 'resolve', 'postmortem', 'close', 'review']

/** `npm run hub -- incidents ...`: acts on the hub's database directly, as the other admin commands do. */
export async function runIncidentsCli(
  args: string[],
  env: Record<string, string | undefined>,
  now = () => new Date(),
): Promise<number> {
  const [sub, ...rest] = args
  if (!SUBCOMMANDS.includes(sub ?? '')) {
    process.stderr.write(`${INCIDENTS_USAGE}\n`)
    return 2
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      id: { type: 'string' },
      by: { type: 'string', default: process.env.USER ?? 'ops' },
      to: { type: 'string' },
      note: { type: 'string' },
      'root-cause': { type: 'string' },
      action: { type: 'string', multiple: true },
      week: { type: 'string' },
      all: { type: 'boolean', default: false },
      'database-url': { type: 'string' },
    },
    strict: true,
  })
  const id = () => {
    const parsed = idSchema.safeParse(values.id)
    if (!parsed.success)
      throw new Error(`--id: expected an incident id (a UUID), got "${values.id ?? ''}"\n${INCIDENTS_USAGE}`)
    return parsed.data
  }
  const config = loadConfig({ ...env, DATABASE_URL: values['database-url'] ?? env.DATABASE_URL })
  // stderr, so stdout stays JSON.
  process.stderr.write(`pebble-hub: database ${describeDatabase(config.DATABASE_URL)}\n`)
  const by = values.by ?? 'ops'
  const calendar = calendarOf(config)
  await migrate(config.DATABASE_URL, config.MIGRATIONS_DIR)
  const db = createPool(config.DATABASE_URL, 2)
  const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
  const move = (db: Db, to: z.infer<typeof stateSchema>) =>
    moveIncident(db, id(), to, by, now(), calendar, values.note ?? null)
  try {
    switch (sub) {
      case 'list':
        print({ incidents: await listIncidents(db, values.all ? 'all' : 'open') })
        return 0
      case 'show':
        print(await getIncident(db, id()))
        return 0
      case 'ack': {
        const incident = await move(db, 'acknowledged')
        await acknowledgeSource(db, incident, by, now())
        print(incident)
        return 0
      }
      case 'move': {
        const to = stateSchema.safeParse(values.to)
        if (!to.success) throw new Error(`--to: ${formatZodIssues(to.error)}\n${INCIDENTS_USAGE}`)
        print(await move(db, to.data))
        return 0
      }
      case 'resolve':
        print(await move(db, 'resolved'))
        return 0
      case 'close':
        print(await move(db, 'closed'))
        return 0
      case 'postmortem': {
        const rootCause = values['root-cause']?.trim() ?? ''
        const actions = (values.action ?? []).map((a) => a.trim()).filter((a) => a.length > 0)
        if (rootCause === '')
          throw new Error(`--root-cause is required for a post-mortem\n${INCIDENTS_USAGE}`)
        if (actions.length === 0)
          throw new Error(`at least one --action is required for a post-mortem\n${INCIDENTS_USAGE}`)
        print(await recordPostmortem(db, id(), rootCause, actions, by, now()))
        return 0
      }
      case 'review': {
        const day = values.week === undefined ? now() : new Date(`${values.week}T00:00:00Z`)
        if (Number.isNaN(day.getTime())) throw new Error(`--week: not a date (YYYY-MM-DD): "${values.week}"`)
        const start = weekStartOf(day)
        print({ weekStart: start.toISOString(), incidents: await weeklyReview(db, start) })
        return 0
      }
      default:
        process.stderr.write(`${INCIDENTS_USAGE}\n`)
        return 2
    }
  } finally {
    await db.end()
  }
}
