#!/usr/bin/env node
// `postinstall`: builds native/malloc-tuning with npm's own bundled node-gyp (no download, no new
// dependency). The app works without the addon, only with more memory, so a failed build is one
// warning line and exit 0 — an install must never fail over it. `--verbose` shows node-gyp's output.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const addonDir = join(root, 'native', 'malloc-tuning')
const built = join(addonDir, 'build', 'Release', 'malloc_tuning.node')
const verbose = process.argv.includes('--verbose')

// The addon pins a glibc malloc setting; elsewhere there is nothing to tune.
if (process.platform !== 'linux') process.exit(0)

function warn(reason) {
  console.warn(
    `pebble-desk: native/malloc-tuning not built (${reason}); the app runs without it but uses more ` +
      `memory on long OCR runs — see native/README.md, or run "node scripts/build-native.mjs --verbose"`,
  )
  process.exit(0)
}

/** npm's bundled node-gyp: npm names it to its scripts; run by hand, look in npm's own folder. */
function findNodeGyp() {
  const named = process.env.npm_config_node_gyp
  if (named && existsSync(named)) return named
  const candidates = []
  if (process.env.npm_execpath) candidates.push(join(dirname(process.env.npm_execpath), '..'))
  const prefix = spawnSync('npm', ['prefix', '-g'], { encoding: 'utf8' })
  if (prefix.status === 0) {
    const dir = prefix.stdout.trim()
    candidates.push(join(dir, 'lib', 'node_modules', 'npm'), join(dir, 'node_modules', 'npm'))
  }
  return candidates
    .map((npmDir) => join(npmDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'))
    .find((path) => existsSync(path))
}

/** Headers of the running Node (e.g. /usr/include/node), so node-gyp need not download any. */
function localNodeDir() {
  if (process.env.npm_config_nodedir) return undefined // npm passes it to node-gyp already
  const prefix = join(dirname(process.execPath), '..')
  return existsSync(join(prefix, 'include', 'node', 'node_api.h')) ? prefix : undefined
}

const nodeGyp = findNodeGyp()
if (!nodeGyp) warn("npm's bundled node-gyp was not found")
const nodeDir = localNodeDir()
const args = [nodeGyp, 'rebuild', ...(nodeDir ? [`--nodedir=${nodeDir}`] : [])]
const result = spawnSync(process.execPath, args, {
  cwd: addonDir,
  stdio: verbose ? 'inherit' : 'pipe',
  encoding: 'utf8',
})
if (result.error) warn(result.error.message)
if (result.status !== 0 || !existsSync(built)) {
  // The first compiler error or node-gyp's error message names the cause (no compiler, python, headers).
  const reason = `${result.stderr ?? ''}`
    .split('\n')
    .map((line) => /(?:: (?:fatal )?error: |ERR! stack )(\w*Error: )?(.*)$/.exec(line)?.[2])
    .find((message) => message)
  warn(reason?.trim() ?? `node-gyp exited ${result.status}`)
}
console.log(`pebble-desk: built ${relative(root, built)}`)
