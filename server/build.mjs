// Bundles the hub (server/main.ts) into out/hub/main.mjs with vite's SSR build, which leaves
// node_modules packages as imports. electron-vite never sees server/: the hub ships on its own.
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'vite'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Bundles `entries` ({ name: absolute path }) into `outDir` as ESM for node. */
export async function bundleForNode(entries, outDir) {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: true,
      rollupOptions: { input: entries, output: { format: 'es', entryFileNames: '[name].mjs' } },
    },
    ssr: { target: 'node' },
  })
  return Object.fromEntries(Object.keys(entries).map((name) => [name, join(outDir, `${name}.mjs`)]))
}

export function buildHub(outDir = join(root, 'out', 'hub')) {
  // The retraining worker thread loads train-worker.mjs from beside main.mjs.
  return bundleForNode(
    {
      main: join(root, 'server', 'main.ts'),
      'train-worker': join(root, 'server', 'learning', 'train-worker.ts'),
    },
    outDir,
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildHub()
}
