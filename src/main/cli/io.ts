import { DeskError, toErrorEnvelope } from '../../shared/contract'

export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  /** The folder holding package.json, out/ and models/. */
  appRoot: string
  env: NodeJS.ProcessEnv
  /** Resolves when a long-running command (serve) should stop: SIGINT/SIGTERM in the real CLI. */
  untilStopped(): Promise<void>
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const

export interface OutputMode {
  json: boolean
  debug: boolean
}

export function printResult(io: CliIo, mode: OutputMode, json: unknown, text: string): void {
  io.stdout(mode.json ? JSON.stringify(json, null, 2) + '\n' : text.endsWith('\n') ? text : text + '\n')
}

/** Errors name the file and the reason; the stack only with --debug. */
export function reportError(io: CliIo, mode: OutputMode, error: unknown): number {
  const usage = error instanceof UsageError
  const envelope = usage ? { code: 'INVALID_INPUT', message: error.message } : toErrorEnvelope(error)
  if (mode.json) io.stdout(JSON.stringify({ error: envelope }, null, 2) + '\n')
  io.stderr(`pebble-desk: ${envelope.message}${usage ? ' (see pebble-desk --help)' : ''}\n`)
  if (mode.debug && error instanceof Error && error.stack) io.stderr(error.stack + '\n')
  if (usage) return EXIT.usage
  return error instanceof DeskError && error.code === 'INVALID_INPUT' ? EXIT.usage : EXIT.failure
}
