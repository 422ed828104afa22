#!/usr/bin/env node
// `npm start`: the desktop app when the Electron binary is installed; otherwise the same UI,
// served on loopback by `pebble-desk serve` for any Chromium-based browser.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))

function electronBinary() {
  try {
    const path = require('electron') // the package exports the binary's path, or throws if it was never downloaded
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

const args = process.argv.slice(2)
const binary = electronBinary()
let child
if (binary) {
  child = spawn(binary, [root, ...args], { stdio: 'inherit' })
} else {
  console.log(
    'The Electron binary is not installed here (it was skipped with ELECTRON_SKIP_BINARY_DOWNLOAD),\n' +
      'so Pebble Desk serves the same UI on 127.0.0.1 instead. Open the URL below in Chromium.\n',
  )
  child = spawn(process.execPath, [join(root, 'bin', 'pebble-desk.js'), 'serve', ...args], {
    stdio: 'inherit',
  })
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)))
