import type { CliIo } from '../../src/main/cli/io'
import { makeAppRoot } from './fakeAppRoot'

export interface CliHarness {
  io: CliIo
  dataDir: string
  stdout(): string
  stderr(): string
  /** Ends a long-running command (serve, scan) as Ctrl+C would. */
  stop(): void
}

/**
 * An in-process `pebble-desk` with captured output and its own data folder. The app folder is a
 * minimal fake unless `appRoot` names the real build (commands that need the document worker).
 */
export function cliHarness(tempDir: () => string, options: { appRoot?: string } = {}): CliHarness {
  const out: string[] = []
  const err: string[] = []
  const dataDir = tempDir()
  let stop: () => void = () => undefined
  const stopped = new Promise<void>((resolve) => (stop = resolve))
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    appRoot: options.appRoot ?? makeAppRoot(tempDir()),
    env: { PEBBLE_DESK_DATA: dataDir },
    untilStopped: () => stopped,
  }
  return { io, dataDir, stdout: () => out.join(''), stderr: () => err.join(''), stop }
}
