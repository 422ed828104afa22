// Import throughput (copy + sha256 into the content-addressed store) through the real CLI,
// against `sha256sum` reading the same bytes, in the same run.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default function bench({ root, corpus }) {
  const files = readdirSync(corpus)
    .filter((f) => /\.(pdf|tif|png|jpg)$/i.test(f))
    .map((f) => join(corpus, f))
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0)
  const runs = 3
  const ours = []
  const native = []
  for (let i = 0; i < runs; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'pebble-bench-'))
    let t = performance.now()
    const r = spawnSync(
      process.execPath,
      [join(root, 'bin', 'pebble-desk.js'), 'import', '--json', ...files],
      {
        env: { ...process.env, PEBBLE_DESK_DATA: dataDir },
        encoding: 'utf8',
      },
    )
    if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`)
    ours.push(performance.now() - t)
    rmSync(dataDir, { recursive: true, force: true })
    t = performance.now()
    execFileSync('sha256sum', files)
    native.push(performance.now() - t)
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  const mbps = (ms) => bytes / 1024 / 1024 / (ms / 1000)
  return {
    name: 'import',
    files: files.length,
    megabytes: +(bytes / 1024 / 1024).toFixed(2),
    ours: {
      tool: 'pebble-desk import (process start included)',
      ms: +median(ours).toFixed(1),
      mbPerSec: +mbps(median(ours)).toFixed(1),
    },
    reference: {
      tool: 'sha256sum',
      ms: +median(native).toFixed(1),
      mbPerSec: +mbps(median(native)).toFixed(1),
    },
    ratio: +(median(native) / median(ours)).toFixed(3),
  }
}
