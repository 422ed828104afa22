// Bundles the bulk worker (server/workers/main.ts) into out/workers/main.mjs, like the hub: node
// packages stay imports. It reads documents with the desk's pipeline, whose document worker thread
// is out/main/document-worker.js from `npx electron-vite build`.
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { bundleForNode } from '../build.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

export function buildWorkers(outDir = join(root, 'out', 'workers')) {
  return bundleForNode({ main: join(root, 'server', 'workers', 'main.ts') }, outDir)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildWorkers()
}
