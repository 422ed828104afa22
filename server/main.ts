import { runCli } from './cli'

runCli(process.argv.slice(2), process.env).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`pebble-hub: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  },
)
