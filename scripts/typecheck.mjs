#!/usr/bin/env node
// `npm run typecheck`: one tsc per runtime, each with only the types its code runs with (DESIGN.md §1).
// The projects are the references of tsconfig.json (the file editors open); they are checked with
// `tsc -p`, incrementally (the build info lives in node_modules/.cache/tsc), two at a time.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const ts = require('typescript')
const tsc = require.resolve('typescript/bin/tsc')
const { config, error } = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile)
if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'))
const projects = config.references.map((r) => r.path)

function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', project, '--pretty', 'false'], { cwd: root })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('close', (code) => resolve({ project, ok: code === 0, output }))
  })
}

const queue = [...projects]
const failed = []
async function lane() {
  for (let project = queue.shift(); project; project = queue.shift()) {
    const started = Date.now()
    const { ok, output } = await check(project)
    console.log(`${ok ? 'ok    ' : 'FAILED'} ${project} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
    if (output.trim()) console.log(output.trimEnd())
    if (!ok) failed.push(project)
  }
}
await Promise.all(Array.from({ length: Math.min(2, availableParallelism()) }, lane))
if (failed.length) console.log(`typecheck failed: ${failed.join(', ')}`)
process.exit(failed.length ? 1 : 0)
