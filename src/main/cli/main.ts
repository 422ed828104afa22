import { resolve } from 'node:path'
import { runCli } from './run'

/** Entry used by bin/pebble-desk.js; `appRoot` is the installed package folder. */
export async function main(argv: readonly string[], appRoot = resolve(__dirname, '..', '..')): Promise<void> {
  process.exitCode = await runCli(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    appRoot,
    env: process.env,
    untilStopped: () =>
      new Promise((resolveStop) => {
        process.once('SIGINT', () => resolveStop())
        process.once('SIGTERM', () => resolveStop())
      }),
  })
}
