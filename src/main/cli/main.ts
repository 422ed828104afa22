import { resolve } from 'node:path'
import { tuneMallocForPageBuffers } from '../services/memory'
import { runCli } from './run'

/** Entry used by bin/pebble-desk.js; `appRoot` is the installed package folder. */
export async function main(argv: readonly string[], appRoot = resolve(__dirname, '..', '..')): Promise<void> {
  tuneMallocForPageBuffers(appRoot) // before any page buffer; `serve` hosts the bridge in this process
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
