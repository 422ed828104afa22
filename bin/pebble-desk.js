#!/usr/bin/env node
'use strict'
// The CLI runs from the electron-vite build (out/main/cli.js), the same bundle the app ships.
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const root = join(__dirname, '..')
const entry = join(root, 'out', 'main', 'cli.js')
if (!existsSync(entry)) {
  process.stderr.write(`pebble-desk: ${entry}: not built yet; run "npm run build" in ${root}\n`)
  process.exit(1)
}
require(entry)
  .main(process.argv.slice(2), root)
  .catch((error) => {
    process.stderr.write(`pebble-desk: ${error && error.message ? error.message : String(error)}\n`)
    process.exit(1)
  })
