#!/usr/bin/env node
// Electronegativity on the BUILT app (out/): on src/ it cannot follow createWindowOptions() and
// reports false HIGH/MEDIUM findings. Writes SARIF to test-results/electronegativity.sarif (the CI
// artefact, each result with its severity) and fails on any HIGH or MEDIUM finding.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const sarifFile = join(root, 'test-results', 'electronegativity.sarif')
const require = createRequire(import.meta.url)
const toolDir = dirname(require.resolve('@doyensec/electronegativity/package.json'))
const tool = JSON.parse(readFileSync(join(toolDir, 'package.json'), 'utf8'))
const electron = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'))

// The tool fetches fresh translations from S3 before every run, retrying for up to 20 s on a
// machine without network; its bundled English texts are what we print anyway, so fail that fetch
// at once.
require.cache[require.resolve('got', { paths: [toolDir] })] = {
  exports: () => Promise.reject(new Error('offline: using the bundled translations')),
}
const run = require('@doyensec/electronegativity/dist/runner.js')

const started = Date.now()
const { issues } = await run({
  input: join(root, 'out'),
  isRelative: true,
  // The installed Electron, so the version checks do not guess from package.json ranges.
  electronVersionOverride: electron.version,
  // Both fetch Electron's release list from the network, which CI machines here do not have ("No
  // connectivity?"); the Electron version is pinned in package.json and upgraded deliberately.
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck', 'ElectronVersionJSONCheck'],
})
const blocking = issues.filter((i) => ['HIGH', 'MEDIUM'].includes(i.severity.name))

const wiki = (id) => `https://github.com/doyensec/electronegativity/wiki/${id}`
const sarif = {
  $schema: 'http://json.schemastore.org/sarif-2.1.0',
  version: '2.1.0',
  runs: [
    {
      tool: {
        driver: {
          name: 'Electronegativity',
          version: tool.version,
          informationUri: 'https://github.com/doyensec/electronegativity',
          rules: [...new Map(issues.map((i) => [i.id, i])).values()].map((i) => ({
            id: i.id,
            fullDescription: { text: i.description },
            helpUri: wiki(i.id),
          })),
        },
      },
      results: issues.map((i) => ({
        ruleId: i.id,
        level: blocking.includes(i) ? 'error' : 'note',
        message: { text: i.description },
        properties: {
          severity: i.severity.name,
          confidence: i.confidence.name,
          manualReview: i.manualReview,
        },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: `out/${i.file}` },
              region: {
                startLine: Math.max(1, i.location?.line ?? 1),
                startColumn: (i.location?.column ?? 0) + 1,
              },
            },
          },
        ],
      })),
    },
  ],
}
mkdirSync(dirname(sarifFile), { recursive: true })
writeFileSync(sarifFile, JSON.stringify(sarif, null, 2))

for (const i of issues) {
  const where = `out/${i.file}:${i.location?.line ?? '?'}:${i.location?.column ?? '?'}`
  console.log(`${i.severity.name} (${i.confidence.name}) ${i.id} at ${where}: ${i.description}`)
}
const seconds = ((Date.now() - started) / 1000).toFixed(1)
console.log(
  `electronegativity on out/ (Electron ${electron.version}): ${issues.length} finding(s), ${blocking.length} HIGH or MEDIUM, ${seconds} s; SARIF in test-results/electronegativity.sarif`,
)
process.exit(blocking.length === 0 ? 0 : 1)
