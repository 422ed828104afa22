import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** A socat pty pair standing in for a serial scanner: the desk opens `device`, the test writes to `scanner`. */
export class PtyPair {
  readonly device: string
  readonly scanner: string
  private child: ChildProcess | undefined

  constructor(dir: string) {
    this.device = join(dir, 'ttyDesk')
    this.scanner = join(dir, 'ttyScanner')
  }

  async start(): Promise<void> {
    const child = spawn(
      'socat',
      ['-d', '-d', `pty,raw,echo=0,link=${this.device}`, `pty,raw,echo=0,link=${this.scanner}`],
      { stdio: 'ignore' },
    )
    this.child = child
    await waitFor(() => existsSync(this.device) && existsSync(this.scanner), 10_000, 'socat ptys')
  }

  /** Unplug: socat exits and both ends go away. */
  async stop(): Promise<void> {
    const child = this.child
    this.child = undefined
    if (!child || child.exitCode !== null) return
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.kill('SIGTERM')
    await exited
  }

  send(data: string | Buffer): void {
    writeFileSync(this.scanner, data)
  }
}

export async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
