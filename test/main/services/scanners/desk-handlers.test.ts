import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createDesk, createDirectDeskApi, type Desk } from '../../../../src/main/services/desk'
import { createScannerDesk } from '../../../../src/main/services/scanners/deskHandlers'
import { ScannerManager, type ScannerLog } from '../../../../src/main/services/scanners'
import {
  DeskError,
  HandlerRegistry,
  type DeskApi,
  type EventName,
  type Scan,
  type ScannerStatus,
} from '../../../../src/shared/contract'
import { useTempDirs } from '../../../support/tempDir'
import { signInAdmin } from '../../../support/signIn'
import { PtyPair, waitFor } from './socat'

const tempDir = useTempDirs()
const REPO = resolve(__dirname, '../../../..')
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

// Batch last, so the label needs no GS; the second one has a GS after the variable-length batch.
const LABEL = ']C1010950600013435210ABC123\x1D17261231'

interface Window {
  api: DeskApi
  events: Array<[EventName, unknown]>
}

async function openDesk(): Promise<{ desk: Desk; dataDir: string; a: Window; b: Window }> {
  const dataDir = tempDir()
  const desk = await createDesk({ dataDir, host: 'cli', version: '0.0.0', modelsDir: join(REPO, 'models') })
  cleanups.push(() => desk.close())
  const open = (): Window => {
    const direct = createDirectDeskApi(desk)
    const events: Array<[EventName, unknown]> = []
    for (const name of ['scanners.scan', 'scanners.status', 'scanners.error'] as const)
      direct.api.on(name, (payload) => events.push([name, payload]))
    return { api: direct.api, events }
  }
  return { desk, dataDir, a: open(), b: open() }
}

const scansOf = (w: Window) => w.events.filter(([n]) => n === 'scanners.scan').map(([, p]) => p as Scan)

async function rejection(promise: Promise<unknown>): Promise<DeskError> {
  const error = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  )
  if (!(error instanceof DeskError)) throw error
  return error
}

describe('scanner methods of the desk', () => {
  it('brings connected scanners back after a restart of the desk', async () => {
    const dataDir = tempDir()
    const pty = new PtyPair(tempDir())
    await pty.start()
    cleanups.push(() => pty.stop())
    const options = { dataDir, host: 'browser' as const, version: '0.0.0', modelsDir: join(REPO, 'models') }

    const first = await createDesk(options)
    const before = createDirectDeskApi(first).api
    await signInAdmin(before)
    await before.scanners.connect({ path: pty.device, symbologyIdSent: true, baudRate: 19200 })
    await first.close()
    const saved = JSON.parse(readFileSync(join(dataDir, 'scanner', 'profiles.json'), 'utf8'))
    expect(saved.profiles).toEqual([expect.objectContaining({ path: pty.device, baudRate: 19200 })])

    const second = await createDesk(options)
    cleanups.push(() => second.close())
    const after = createDirectDeskApi(second)
    await signInAdmin(after.api)
    const scans: Scan[] = []
    after.api.on('scanners.scan', (scan) => scans.push(scan))
    await expect
      .poll(async () => (await after.api.scanners.list()).devices.map((d) => [d.path, d.status]), {
        timeout: 10_000,
      })
      .toEqual([[pty.device, 'connected']])
    pty.send(LABEL + '\r')
    await waitFor(() => scans.length === 1, 10_000, 'a scan from the restored scanner')
    expect(scans[0]).toMatchObject({ device: { path: pty.device }, data: LABEL })
  })

  it('connects a pty scanner, broadcasts its parsed scans to every session and logs them', async () => {
    const { dataDir, a, b } = await openDesk()
    await a.api.tenants.create({ id: 'acme', name: 'Acme' })
    await b.api.tenants.select({ tenantId: 'acme' }) // scans ignore tenants: both sessions get them
    const pty = new PtyPair(tempDir())
    await pty.start()
    cleanups.push(() => pty.stop())

    const device = await a.api.scanners.connect({ path: pty.device, symbologyIdSent: true })
    expect(device).toMatchObject({ path: pty.device, status: 'connected', profile: { baudRate: 9600 } })
    expect((await b.api.scanners.list()).devices.map((d) => [d.path, d.status])).toEqual([
      [pty.device, 'connected'],
    ])

    pty.send(LABEL + '\r')
    await waitFor(
      () => scansOf(a).length === 1 && scansOf(b).length === 1,
      10_000,
      'the scan in both sessions',
    )
    const [scan] = scansOf(b)
    expect(scan).toMatchObject({ source: 'serial', device: { path: pty.device }, data: LABEL })
    expect(scan?.gs1?.elements.map((e) => [e.ai, e.value, e.date])).toEqual([
      ['01', '09506000134352', undefined],
      ['10', 'ABC123', undefined],
      ['17', '261231', '2026-12-31'],
    ])

    pty.send(']C110\x01BAD\r') // a control character: dropped as garbage, reported, no scan
    pty.send(']C101123\r') // too short a GTIN: a scan with its parse error
    await waitFor(() => scansOf(a).length === 2, 10_000, 'the bad scan')
    expect(scansOf(a)[1]?.parseError?.position).toBeGreaterThanOrEqual(3)
    expect(
      a.events.some(([n, p]) => n === 'scanners.error' && (p as { kind: string }).kind === 'garbage'),
    ).toBe(true)

    await waitFor(() => readLog(dataDir).length === 2, 5_000, 'the scan log')
    // The scan log traces the scan (device, kind, length, AIs), not what the label said.
    expect(readLog(dataDir)[0]).toMatchObject({
      kind: 'gs1',
      length: LABEL.length,
      ais: ['01', '10', '17'],
      device: { path: pty.device },
    })
    expect(JSON.stringify(readLog(dataDir))).not.toContain('ABC123')

    await a.api.scanners.disconnect({ path: pty.device })
    expect((await a.api.scanners.list()).devices).toEqual([])
    const closed = b.events
      .filter(([n]) => n === 'scanners.status')
      .map(([, p]) => (p as ScannerStatus).status)
    expect(closed.at(-1)).toBe('closed')
    expect((await rejection(a.api.scanners.disconnect({ path: pty.device }))).code).toBe('NOT_FOUND')
  })

  it('reports a port that cannot be opened as a status, not a failure', async () => {
    const { a } = await openDesk()
    const device = await a.api.scanners.connect({ path: join(tempDir(), 'no-such-tty') })
    expect(['reconnecting', 'error']).toContain(device.status)
    expect(device.message).toMatch(/no such file|ENOENT|cannot/i)
  })

  it('validates profiles with the shared schema', async () => {
    const { a } = await openDesk()
    const bad = await rejection(a.api.scanners.connect({ path: '/dev/ttyS9', baudRate: -5 }))
    expect(bad.code).toBe('INVALID_INPUT')
    const unknown = { path: '/dev/ttyS9', speed: 9600 } as unknown as { path: string }
    expect((await rejection(a.api.scanners.connect(unknown))).code).toBe('INVALID_INPUT')
  })

  it('scanners.test reads typed data with GS notation; gs1.parse fails with the position', async () => {
    const { a } = await openDesk()
    const ok = await a.api.scanners.test({ data: '0109506000134352 10ABC123<GS>17261231'.replace(' ', '') })
    expect(ok.data).toBe('010950600013435210ABC123\x1D17261231')
    expect(ok.gs1?.elements.map((e) => e.ai)).toEqual(['01', '10', '17'])
    for (const spelling of ['{GS}', '\\x1D', '\\u001d']) {
      const again = await a.api.scanners.test({ data: `10ABC${spelling}17261231` })
      expect(again.gs1?.elements.map((e) => e.value)).toEqual(['ABC', '261231'])
    }
    const bad = await a.api.scanners.test({ data: '17261331' })
    expect(bad.gs1).toBeUndefined()
    expect(bad.parseError?.position).toBe(4) // the month
    expect(a.events.filter(([n]) => n === 'scanners.scan')).toEqual([]) // tests are not scans

    const parsed = await a.api.gs1.parse({ data: '(01)09506000134352(17)261200' })
    expect(parsed.elements[1]).toMatchObject({ ai: '17', date: '2026-12-31' })
    const error = await rejection(a.api.gs1.parse({ data: '0109506000134353' }))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.details?.position).toBe(15)
  })

  it('scanners.wedge runs keyboard bursts through the scan pipeline: stand-in, duplicates, garbage', async () => {
    const { a, b } = await openDesk()
    const first = await a.api.scanners.wedge({
      data: ']C110ABC123~17261231',
      gsStandIn: '~',
      timing: { keys: 20, meanGapMs: 6 },
    })
    expect(first.accepted).toBe(true)
    await waitFor(() => scansOf(b).length === 1, 2_000, 'the broadcast')
    expect(scansOf(b)[0]).toMatchObject({ source: 'keyboard', device: { path: 'keyboard' } })
    expect(scansOf(b)[0]?.gs1?.elements.map((e) => e.value)).toEqual(['ABC123', '261231'])

    const again = await a.api.scanners.wedge({ data: ']C110ABC123~17261231', gsStandIn: '~' })
    expect(again).toEqual({ accepted: false, reason: 'duplicate' })
    expect((await rejection(a.api.scanners.wedge({ data: 'AB\u0007CDEF' }))).code).toBe('INVALID_INPUT')
    expect(scansOf(a)).toHaveLength(1)
  })
})

describe('scanner desk lifecycle', () => {
  it('polls the port list only once a scanners.* method is called, and stops on close', async () => {
    let listings = 0
    const log: ScannerLog = { info: () => undefined, warn: () => undefined, error: () => undefined }
    const manager = new ScannerManager({
      log,
      pollIntervalMs: 0,
      listPorts: async () => (listings++, [{ path: '/dev/ttyUSB7', vendorId: '0C2E', productId: '0B61' }]),
    })
    const scanners = createScannerDesk<null>({ emit: () => undefined, manager, log })
    const registry = new HandlerRegistry<null>()
    for (const [method, handler] of Object.entries(scanners.handlers))
      registry.register(method as keyof typeof scanners.handlers, handler as never)

    await registry.dispatch('gs1.parse', { data: '10ABC' }, null)
    expect(listings).toBe(0)
    const ports = await registry.dispatch('scanners.ports', {}, null)
    expect(listings).toBeGreaterThan(0)
    expect(ports).toEqual({
      ok: true,
      result: {
        ports: [{ path: '/dev/ttyUSB7', vendorId: '0c2e', productId: '0b61' }],
        hotplug: { available: true },
      },
    })
    await scanners.close()
  })

  it('says hot-plug is unavailable when the port list cannot be read', async () => {
    const log: ScannerLog = { info: () => undefined, warn: () => undefined, error: () => undefined }
    const manager = new ScannerManager({
      log,
      pollIntervalMs: 0,
      listPorts: () => Promise.reject(new Error('spawn udevadm ENOENT')),
    })
    const scanners = createScannerDesk<null>({ emit: () => undefined, manager, log })
    const result = await scanners.handlers['scanners.ports']({}, null)
    expect(result.hotplug).toMatchObject({ available: false, reason: expect.stringMatching(/udevadm/) })
    await scanners.close()
  })
})

function readLog(dataDir: string): unknown[] {
  try {
    return readFileSync(join(dataDir, 'scanner', 'scans.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as unknown)
  } catch {
    return []
  }
}
