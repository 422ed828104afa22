#!/usr/bin/env node
// `npm test`: formatting, lint, typecheck, the electron-vite build, then every vitest project (unit and e2e).
// Each static check counts as one test; the last line is the plain "N passed, N failed" CI reads.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const results = { passed: 0, failed: 0, skipped: 0 }
const run = (label, cmd, args) => {
  process.stdout.write(`\n── ${label}: ${[cmd, ...args].join(' ')}\n`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } })
  return r.status === 0
}
const check = (label, cmd, args) => {
  const ok = run(label, cmd, args)
  if (ok) results.passed++
  else results.failed++
  console.log(`── ${label}: ${ok ? 'ok' : 'FAILED'}`)
}

check('format', 'npx', ['prettier', '--check', '.'])
check('lint', 'npx', ['eslint', '.'])
check('typecheck', 'node', ['scripts/typecheck.mjs'])
// Worker-thread and end-to-end tests run the built app (out/), exactly as it ships.
check('build', 'npx', ['electron-vite', 'build'])
process.env.PEBBLE_DESK_BUILT = '1'
// Electron hardening checked on what ships (out/): 0 HIGH and 0 MEDIUM, SARIF kept as an artefact.
check('electronegativity', 'node', ['scripts/electronegativity.mjs'])

mkdirSync('test-results', { recursive: true })
// Unit tests first, then the end-to-end tests on their own: the browser tests time keystrokes (the
// keyboard-wedge scanner) and must not share two cores with OCR-heavy unit tests.
for (const project of ['unit', 'e2e']) {
  const report = `test-results/vitest-${project}.json`
  rmSync(report, { force: true })
  const ok = run(`tests (${project})`, 'npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ])
  const before = results.failed
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'))
    results.passed += json.numPassedTests ?? 0
    results.failed += json.numFailedTests ?? 0
    results.skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0)
    // A suite that failed to load has no tests to count but is still a failure.
    results.failed += (json.testResults ?? []).filter(
      (f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0,
    ).length
  } else {
    results.failed++
  }
  if (!ok && results.failed === before) results.failed++
}

console.log(`\n${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`)
process.exit(results.failed === 0 ? 0 : 1)
