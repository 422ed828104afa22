#!/usr/bin/env node
// `npm run bench [name…]`: builds, runs bench/*.bench.mjs (or the named ones), prints one JSON document.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const corpus = resolve(process.env.PEBBLE_CORPUS_DIR ?? join(root, '..', 'shared', 'corpus'))
const wanted = process.argv.slice(2)

const build = spawnSync('npx', ['electron-vite', 'build'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
})
if (build.status !== 0) process.exit(1)

const results = []
for (const file of readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort()) {
  const name = file.replace(/\.bench\.mjs$/, '')
  if (wanted.length > 0 && !wanted.includes(name)) continue
  const { default: bench } = await import(pathToFileURL(join(root, 'bench', file)).href)
  results.push(await bench({ root, corpus }))
}
console.log(
  JSON.stringify({ machine: { cores: (await import('node:os')).availableParallelism() }, results }, null, 2),
)
