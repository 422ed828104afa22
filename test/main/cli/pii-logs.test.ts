import { spawn, spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { REPO_ROOT } from '../../support/builtApp'
import { textPdf } from '../../support/documents/textPdf'
import { TEST_ADMIN } from '../../support/signIn'
import { useTempDirs } from '../../support/tempDir'

const CLI = join(REPO_ROOT, 'bin', 'pebble-desk.js')
const tempDir = useTempDirs()

/** Personal data planted in a document and in scans; the desk's logs and output must not carry it. */
const PLANTED = {
  email: 'priya.sharma@example.co.in',
  phone: '+91 98765 43210',
  pan: 'ABCPS1234K',
  aadhaar: '2345 6789 0123',
}

/** Every file the desk writes as a log in its data folder (the scan log, any *.log). */
function logFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return logFiles(path)
    return /\.(log|jsonl)$/.test(name) ? [path] : []
  })
}

/** One JSON-over-WebSocket session on the bridge, as the UI holds it. */
async function bridgeSession(url: string) {
  const page = new URL(url)
  const handover = await fetch(url, { redirect: 'manual' })
  const cookie = (handover.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const socket = new WebSocket(`ws://${page.host}/ws`, { headers: { cookie, origin: page.origin } })
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
  let id = 0
  const call = (method: string, params: unknown = {}) =>
    new Promise<{ ok: boolean; result?: unknown; error?: { code: string } }>((resolve) => {
      const mine = ++id
      const onMessage = (data: WebSocket.RawData) => {
        const frame = JSON.parse(data.toString()) as { t: string; id?: number; ok: boolean }
        if (frame.t !== 'res' || frame.id !== mine) return
        socket.off('message', onMessage)
        resolve(frame)
      }
      socket.on('message', onMessage)
      socket.send(JSON.stringify({ t: 'req', id: mine, method, params }))
    })
  return { call, close: () => socket.close() }
}

describe('the desk keeps personal data and its token out of logs', () => {
  it('imports a PDF and takes scans full of PII; no log, stdout or stderr repeats them', async () => {
    const dataDir = tempDir()
    const env = { ...process.env, PEBBLE_DESK_DATA: dataDir, PEBBLE_DESK_LOG_SCAN_DATA: '' }
    const pdf = join(tempDir(), 'supplier-contact.pdf')
    writeFileSync(
      pdf,
      await textPdf(
        `Supplier contact: ${PLANTED.email}, phone ${PLANTED.phone}\nPAN ${PLANTED.pan}\nAadhaar ${PLANTED.aadhaar}`,
      ),
    )
    let output = ''
    const imported = spawnSync(process.execPath, [CLI, 'documents', 'import', pdf], { env, encoding: 'utf8' })
    expect(imported.status, imported.stderr).toBe(0)
    output += imported.stdout + imported.stderr

    const serve = spawn(process.execPath, [CLI, 'serve', '--json'], { env })
    let served = ''
    serve.stdout.on('data', (c: Buffer) => (served += c.toString()))
    serve.stderr.on('data', (c: Buffer) => (served += c.toString()))
    const exited = new Promise((r) => serve.once('exit', r))
    try {
      const url = await new Promise<string>((resolve, reject) => {
        serve.stdout.on('data', () => {
          const m = /"url":\s*"([^"]+)"/.exec(served)
          if (m?.[1]) resolve(m[1])
        })
        void exited.then(() => reject(new Error(`serve exited: ${served}`)))
      })
      const desk = await bridgeSession(url)
      // Hosts with a UI sign in first where the desk has users.
      const status = await desk.call('users.status')
      if (status.ok) {
        const { setupNeeded } = status.result as { setupNeeded: boolean }
        await desk.call(setupNeeded ? 'users.setup' : 'users.signIn', TEST_ADMIN)
      }
      const visitingCard = `MECARD:N:Priya;TEL:${PLANTED.phone};EMAIL:${PLANTED.email};NOTE:${PLANTED.pan};;`
      expect((await desk.call('scanners.wedge', { data: visitingCard })).ok).toBe(true)
      expect(
        (await desk.call('scanners.wedge', { data: `(01)09506000134352(10)${PLANTED.aadhaar}` })).ok,
      ).toBe(true)
      await desk.call('scanners.test', { data: PLANTED.email })
      await desk.call('gs1.parse', { data: `${PLANTED.pan} ${PLANTED.aadhaar}` })
      await desk.call('documents.list')
      desk.close()
    } finally {
      serve.kill('SIGTERM')
      await exited
    }
    output += served

    const logs = logFiles(dataDir)
    expect(logs.map((f) => f.slice(dataDir.length))).toContain('/scanner/scans.jsonl')
    const scanLog = readFileSync(join(dataDir, 'scanner', 'scans.jsonl'), 'utf8')
    expect(scanLog.trim().split('\n').length).toBeGreaterThanOrEqual(2)
    const everything = output + logs.map((f) => readFileSync(f, 'utf8')).join('\n')
    for (const value of Object.values(PLANTED)) {
      for (const spelling of [value, value.replace(/ /g, ''), encodeURIComponent(value)]) {
        expect(everything, `${value} in the desk's logs or output`).not.toContain(spelling)
      }
    }
    // The bridge token is handed over once, in the URL serve prints for the user; nowhere else.
    const token =
      new URL(/"url":\s*"([^"]+)"/.exec(served)?.[1] ?? 'http://x').searchParams.get('token') ?? ''
    expect(token.length).toBeGreaterThan(20)
    expect(everything.split(token).length - 1).toBe(1)
  })
})
