import { readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { loadDeskSettings } from '../config/settings'
import { writeBackup, type BackupSummary } from './write'

const DAILY = /^pebble-desk-(\d{4}-\d{2}-\d{2})\.backup$/

export function backupFileName(day: Date): string {
  return `pebble-desk-${day.toISOString().slice(0, 10)}.backup`
}

export interface DailyBackupOptions {
  dataDir: string
  /** Where the daily files go (settings.backup.directory; default <dataDir>/backups). */
  directory: string
  /** Days of backups kept, today's included. */
  keepDays: number
  now: () => Date
  /** Tells the host's log what happened (a failed backup must not stop the desk). */
  report?: (event: { made?: BackupSummary; removed?: string[]; error?: Error }) => void
}

type Every = (run: () => void, ms: number) => () => void

const everyInterval: Every = (run, ms) => {
  const timer = setInterval(run, ms)
  timer.unref()
  return () => clearInterval(timer)
}

/**
 * The desk's automatic backup: once a day (checked hourly and at start, so a desk that was off at
 * midnight still backs up the day it is next opened), then files older than `keepDays` go.
 */
export class DailyBackups {
  private running: Promise<unknown> = Promise.resolve()

  constructor(private readonly options: DailyBackupOptions) {}

  /** Makes today's backup if there is none yet and prunes old ones; null when today's exists. */
  async tick(): Promise<BackupSummary | null> {
    const today = this.options.now()
    const file = join(this.options.directory, backupFileName(today))
    let made: BackupSummary | null = null
    if (!(await stat(file).catch(() => null))) made = await writeBackup(this.options.dataDir, file, today)
    const removed = await this.prune(today)
    if (made || removed.length > 0) this.options.report?.({ ...(made ? { made } : {}), removed })
    return made
  }

  private async prune(today: Date): Promise<string[]> {
    const oldest = new Date(today.getTime() - (this.options.keepDays - 1) * 86_400_000)
      .toISOString()
      .slice(0, 10)
    const names = await readdir(this.options.directory).catch(() => [] as string[])
    const old = names.filter((n) => {
      const day = DAILY.exec(n)?.[1]
      return day !== undefined && day < oldest
    })
    for (const name of old) await rm(join(this.options.directory, name), { force: true })
    return old
  }

  /** Ticks now and then every `ms` (one at a time); returns the stop function. */
  start(ms = 3_600_000, every: Every = everyInterval): () => void {
    const run = () => {
      this.running = this.running
        .then(() => this.tick())
        .catch((error: unknown) => this.options.report?.({ error: error as Error }))
    }
    run()
    return every(run, ms)
  }

  /** Resolves when the tick in progress (if any) has finished. */
  settled(): Promise<unknown> {
    return this.running
  }
}

/**
 * Starts the daily backup of a desk that runs (app window or `serve`) as settings.json says;
 * returns the stop function (a no-op when backups are off).
 */
export async function startDailyBackups(
  dataDir: string,
  report: DailyBackupOptions['report'],
  now: () => Date = () => new Date(),
): Promise<() => void> {
  const { backup } = await loadDeskSettings(dataDir)
  if (!backup.enabled) return () => undefined
  const daily = new DailyBackups({
    dataDir,
    directory: backup.directory ?? join(dataDir, 'backups'),
    keepDays: backup.keepDays,
    now,
    report,
  })
  return daily.start()
}
