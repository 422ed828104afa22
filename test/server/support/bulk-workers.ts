import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'

export type WorkerProcess = {
  pid: number
  events: Array<Record<string, unknown>>
  /** Resolves with the first event (past or future) that matches. */
  waitFor(
    match: (e: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>
  kill(signal?: NodeJS.Signals): Promise<void>
}

/**
 * A bulk worker (out/workers/main.mjs or a test bundle) speaking JSON lines. Not started with
 * --enable-source-maps: Node then resolves pdf.js's sourceMappingURL against the data: URL the
 * parser is loaded from and every PDF fails with "Invalid URL".
 */
export function spawnWorker(script: string, args: string[]): WorkerProcess {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  const events: Array<Record<string, unknown>> = []
  const waiters = new Set<() => void>()
  let stderr = ''
  child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)))
  createInterface({ input: child.stdout }).on('line', (line) => {
    try {
      events.push(JSON.parse(line) as Record<string, unknown>)
    } catch {
      return
    }
    for (const w of [...waiters]) w()
  })
  // 'close', not 'exit': by then stdout is drained, so events holds every line the worker wrote.
  const exited = new Promise<void>((r) => child.once('close', () => r()))
  return {
    pid: child.pid ?? -1,
    events,
    waitFor: (match, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const hit = events.find(match)
          if (!hit) return
          waiters.delete(check)
          clearTimeout(timer)
          resolve(hit)
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`worker ${child.pid}: timed out waiting; stderr: ${stderr}`))
        }, timeoutMs)
        waiters.add(check)
        check()
      }),
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}
