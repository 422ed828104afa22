import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'

/** The end-to-end tests drive the real build: the same out/ that `npm start` and the CLI use. */
export default function setup(): void {
  if (process.env.PEBBLE_DESK_BUILT === '1') return // npm test built it a moment ago
  const root = resolve(__dirname, '../..')
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) throw new Error('electron-vite build failed; the end-to-end tests need out/')
}
