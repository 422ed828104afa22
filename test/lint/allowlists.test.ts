import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { importErrors, importing, ROOT } from './lint'

// Each layer may import only the npm packages on its list in eslint.config.mjs (DESIGN.md §1).
const notOnList = (layer: string) => [expect.stringContaining(`not on the ${layer} layer's allowlist`)]

describe('per-layer package allowlists', () => {
  it('keeps Node built-ins and Node-only packages out of the renderer', async () => {
    expect(await importErrors('src/renderer/features/x.tsx', importing('node:fs'))).toEqual([
      expect.stringContaining('Node built-ins are not allowed'),
    ])
    for (const spec of ['pg', 'fastify', 'serialport', 'tesseract.js', '@napi-rs/canvas', 'ws', 'pdf-lib']) {
      expect(await importErrors('src/renderer/features/x.tsx', importing(spec)), spec).toEqual(
        notOnList('renderer'),
      )
    }
  })

  it('lets the renderer import what it uses: react, react-dom, zustand, dexie, zod, yaml', async () => {
    for (const spec of ['react', 'react-dom/client', 'zustand', 'dexie', 'zod', 'yaml']) {
      expect(await importErrors('src/renderer/features/x.tsx', importing(spec)), spec).toEqual([])
    }
  })

  it('keeps src/shared to zod and the pure-JS learner: no pg, no react, not even for types', async () => {
    expect(await importErrors('src/shared/x.ts', importing('pg'))).toEqual(notOnList('shared'))
    expect(await importErrors('src/shared/x.ts', importing('react'))).toEqual(notOnList('shared'))
    expect(
      await importErrors('src/shared/x.ts', "import type { Pool } from 'pg'\nexport type P = Pool\n"),
    ).toEqual(notOnList('shared'))
    expect(await importErrors('src/shared/x.ts', importing('zod'))).toEqual([])
  })

  it('keeps the hub (server/) away from src/main, src/renderer, src/preload and electron', async () => {
    for (const spec of [
      '../src/renderer/features/qc/qc-store',
      '../../src/renderer/db/database',
      '../src/main/services/desk/createDesk',
      '../src/preload/index',
    ]) {
      expect(await importErrors('server/routes/x.ts', importing(spec)), spec).toEqual([
        expect.stringContaining('The hub may import only src/shared/'),
      ])
    }
    expect(await importErrors('server/x.ts', importing('electron'))).toEqual([
      expect.stringContaining("Only src/main/electron/ may import 'electron'"),
    ])
    for (const spec of ['react', 'dexie', 'serialport']) {
      expect(await importErrors('server/x.ts', importing(spec)), spec).toEqual(notOnList('server'))
    }
  })

  it('lets the hub import src/shared, its own packages, Node built-ins and its own files', async () => {
    for (const spec of [
      'fastify',
      'pg',
      'zod',
      'node:crypto',
      '../src/shared/contract/errors',
      '../../src/shared/sync/wire',
      './main',
      '../app',
    ]) {
      expect(await importErrors('server/routes/x.ts', importing(spec)), spec).toEqual([])
    }
  })

  it("keeps the hub's and the renderer's packages out of src/main", async () => {
    for (const file of ['src/main/services/x.ts', 'src/main/cli/x.ts', 'src/main/workers/x.ts']) {
      for (const spec of ['pg', 'fastify', 'react', 'zustand']) {
        expect(await importErrors(file, importing(spec)), `${file}: ${spec}`).toEqual(notOnList('main'))
      }
      expect(await importErrors(file, importing('node:fs/promises'))).toEqual([])
      expect(await importErrors(file, importing('zod'))).toEqual([])
    }
    expect(await importErrors('src/main/bridge/x.ts', importing('ws'))).toEqual([])
  })

  it("lets the preload import only contextBridge and ipcRenderer from 'electron', and no package", async () => {
    expect(await importErrors('src/preload/x.ts', importing('zod'))).toEqual(notOnList('preload'))
    expect(
      await importErrors(
        'src/preload/x.ts',
        "import { webFrame } from 'electron'\nexport const w = webFrame\n",
      ),
    ).toEqual([expect.stringContaining('only contextBridge and ipcRenderer')])
    expect(
      await importErrors(
        'src/preload/x.ts',
        "import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'\n" +
          'export const c = [contextBridge, ipcRenderer]\nexport type E = IpcRendererEvent\n',
      ),
    ).toEqual([])
  })

  it('lists only packages the app ships (dependencies in package.json)', async () => {
    const config = pathToFileURL(resolve(ROOT, 'eslint.config.mjs')).href
    const { PACKAGES } = (await import(config)) as { PACKAGES: Record<string, string[]> }
    expect(Object.keys(PACKAGES).sort()).toEqual([
      'electron',
      'main',
      'preload',
      'renderer',
      'server',
      'shared',
    ])
    const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>
    }
    for (const [layer, packages] of Object.entries(PACKAGES)) {
      for (const name of packages) expect(pkg.dependencies, `${layer}: ${name}`).toHaveProperty([name])
    }
  })
})
