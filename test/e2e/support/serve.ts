import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser } from 'playwright-core'

export const ROOT = resolve(__dirname, '../../..')
const CLI = join(ROOT, 'bin', 'pebble-desk.js')

export interface ServedDesk {
  url: string
  dataDir: string
  cli(...args: string[]): { status: number | null; stdout: string; stderr: string }
  stop(): Promise<void>
}

/**
 * Starts the real `pebble-desk serve` on a free loopback port with its own data folder (or the one
 * given, e.g. one a restore just filled).
 */
export async function serveDesk(options: { dataDir?: string } = {}): Promise<ServedDesk> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pebble-e2e-'))
  const env = { ...process.env, PEBBLE_DESK_DATA: dataDir }
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8' })
    return { status: r.status, stdout: r.stdout, stderr: r.stderr }
  }
  const child: ChildProcess = spawn(process.execPath, [CLI, 'serve', '--json'], { env })
  let output = ''
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /"url":\s*"([^"]+)"/.exec(output)
      if (match?.[1]) resolveUrl(match[1])
    })
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk))
    child.once('exit', (code) => reject(new Error(`pebble-desk serve exited with ${code}: ${output}`)))
  })
  return {
    url,
    dataDir,
    cli,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}
