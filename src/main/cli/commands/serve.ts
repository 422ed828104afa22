import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { DeskError } from '../../../shared/contract'
import { startBridge } from '../../bridge'
import { startDailyBackups } from '../../services/backup'
import { defaultDataDir } from '../../services/config/dataDir'
import type { Desk } from '../../services/desk'
import { EXIT, printResult, UsageError, type CliIo, type OutputMode } from '../io'
import type { CliValues } from '../run'

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return 0
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port ${raw} is not a port number`)
  return port
}

/** Best effort: the desk keeps serving even if no browser can be started. */
function openBrowser(url: string, io: CliIo): void {
  const opener =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open'
  const child = spawn(opener, [url], { detached: true, stdio: 'ignore' })
  child.on('error', () =>
    io.stderr(`pebble-desk: could not start a browser (${opener}); open the URL yourself\n`),
  )
  child.unref()
}

export async function runServe(desk: Desk, values: CliValues, io: CliIo, mode: OutputMode): Promise<number> {
  const port = parsePort(values.port)
  const rendererDir = join(io.appRoot, 'out', 'renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new DeskError('NOT_FOUND', `${rendererDir}: the UI is not built; run "npm run build" first`, {
      file: rendererDir,
    })
  }
  const bridge = await startBridge({ desk, rendererDir, port })
  printResult(
    io,
    mode,
    { url: bridge.url, port: bridge.port },
    `Pebble Desk is serving on 127.0.0.1 only. Open:\n  ${bridge.url}\nPress Ctrl+C to stop.`,
  )
  if (values.open) openBrowser(bridge.url, io)
  // Logged on stderr: stdout carries only the URL (scripts read it, as JSON with --json).
  const stopBackups = await startDailyBackups(values['data-dir'] ?? defaultDataDir(io.env), (event) => {
    if (event.made) io.stderr(`pebble-desk: daily backup written to ${event.made.file}\n`)
    if (event.error) io.stderr(`pebble-desk: the daily backup failed: ${event.error.message}\n`)
  })
  await io.untilStopped()
  stopBackups()
  await bridge.close()
  return EXIT.ok
}
