import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { bundleForNode } from '../../../server/build.mjs'

const root = resolve(import.meta.dirname, '..', '..', '..')

/**
 * Builds the hub and the desk runner into a scratch folder inside node_modules/.cache, so their
 * bare imports (pg, fastify, dexie…) still resolve to this repository's node_modules.
 */
/**
 * A scratch folder inside node_modules/.cache for bundles, which a fresh `npm ci` has not made yet;
 * bundles there resolve their bare imports to this repository's node_modules.
 */
export function bundleScratchDir(prefix: string): string {
  const cache = join(root, 'node_modules', '.cache')
  mkdirSync(cache, { recursive: true })
  return mkdtempSync(join(cache, prefix))
}

export async function buildChaosBundles(): Promise<{ hub: string; desk: string; cleanup: () => void }> {
  const dir = bundleScratchDir('pebble-sync-')
  const out = await bundleForNode(
    {
      hub: join(root, 'server', 'main.ts'),
      desk: join(root, 'test', 'server', 'support', 'desk-runner.ts'),
    },
    dir,
  )
  return {
    hub: out.hub ?? '',
    desk: out.desk ?? '',
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  }
}

export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  await new Promise((r) => server.close(r))
  return port
}

export type Managed = {
  child: ChildProcess
  /** Resolves with the first JSON line for which `match` is true. */
  waitFor: (
    match: (event: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ) => Promise<Record<string, unknown>>
  events: Array<Record<string, unknown>>
  exited: Promise<number | null>
  kill: () => Promise<void>
}

/** Starts a node process that speaks one JSON object per stdout line. */
export function startNode(script: string, args: string[], env: Record<string, string>): Managed {
  const child = spawn(process.execPath, ['--enable-source-maps', script, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const events: Array<Record<string, unknown>> = []
  const waiters: Array<{
    match: (e: Record<string, unknown>) => boolean
    resolve: (e: Record<string, unknown>) => void
  }> = []
  createInterface({ input: child.stdout! }).on('line', (line) => {
    let event: Record<string, unknown>
    try {
      event = JSON.parse(line) as Record<string, unknown>
    } catch {
      return // pino logs or other noise
    }
    events.push(event)
    for (const w of [...waiters]) {
      if (w.match(event)) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve(event)
      }
    }
  })
  let stderr = ''
  child.stderr!.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-4000)
  })
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
  return {
    child,
    events,
    exited,
    waitFor: (match, timeoutMs = 30_000) =>
      new Promise((resolvePromise, reject) => {
        const hit = events.find(match)
        if (hit) return resolvePromise(hit)
        const timer = setTimeout(() => reject(new Error(`timed out waiting; stderr: ${stderr}`)), timeoutMs)
        void exited.then((code) => {
          clearTimeout(timer)
          reject(new Error(`process exited (${code}) before the awaited event; stderr: ${stderr}`))
        })
        waiters.push({
          match,
          resolve: (e) => {
            clearTimeout(timer)
            resolvePromise(e)
          },
        })
      }),
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    },
  }
}
