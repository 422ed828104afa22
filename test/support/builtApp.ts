import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const REPO_ROOT = resolve(__dirname, '../..')

/**
 * Worker threads run the built bundle (the same file the app ships), so tests that need a worker
 * build the app once if `npm test` has not already done so.
 */
export function builtDocumentWorker(): string {
  const script = join(REPO_ROOT, 'out', 'main', 'document-worker.js')
  if (!existsSync(script)) {
    const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' })
    if (build.status !== 0) throw new Error('electron-vite build failed')
  }
  return script
}
