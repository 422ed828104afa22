import { afterEach, describe, expect, it } from 'vitest'
import type { ScannerDeviceInfo, ScannerPorts } from '../../../src/shared/contract'
import type { DeskServices } from '../../../src/renderer/features/services/context'
import {
  resetScannerState,
  upsertDevice,
  useScannerStore,
} from '../../../src/renderer/features/scanners/store'
import { refreshScanners } from '../../../src/renderer/features/scanners/use-scanner-events'

afterEach(() => resetScannerState())

const PORTS: ScannerPorts = { ports: [], hotplug: { available: false, reason: 'test' } }

/** A desk whose scanners.list and scanners.ports answer only when the test says. */
function slowDesk() {
  const lists: ((devices: ScannerDeviceInfo[]) => void)[] = []
  const ports: (() => void)[] = []
  const scanners = {
    list: () => new Promise<{ devices: ScannerDeviceInfo[] }>((r) => lists.push((devices) => r({ devices }))),
    ports: () => new Promise<ScannerPorts>((r) => ports.push(() => r(PORTS))),
  }
  const services = { desk: { scanners } } as unknown as DeskServices
  return {
    services,
    answerList: (call: number, devices: ScannerDeviceInfo[]) => lists[call]!(devices),
    answerPorts: (call: number) => ports[call]!(),
  }
}

const scanner = (path: string): ScannerDeviceInfo =>
  ({ path, status: 'connected', device: { path }, profile: { path } }) as unknown as ScannerDeviceInfo

const listed = () => useScannerStore.getState().devices.map((d) => d.path)

describe('the serial scanner list on the Scanner page', () => {
  it('keeps a scanner connected while the page was still loading its first list', async () => {
    const { services, answerList, answerPorts } = slowDesk()
    const loading = refreshScanners(services)
    answerList(0, []) // asked before the connect; port enumeration is still running
    upsertDevice(scanner('/dev/ttyACM0')) // the user connects
    answerPorts(0)
    await loading
    expect(listed()).toEqual(['/dev/ttyACM0'])
  })

  it('applies the newest list when two overlap', async () => {
    const { services, answerList, answerPorts } = slowDesk()
    const older = refreshScanners(services)
    const newer = refreshScanners(services)
    answerList(1, [scanner('/dev/ttyACM0'), scanner('/dev/ttyUSB1')])
    answerPorts(1)
    await newer
    answerList(0, [scanner('/dev/ttyACM0')])
    answerPorts(0)
    await older
    expect(listed()).toEqual(['/dev/ttyACM0', '/dev/ttyUSB1'])
  })

  it('still shows what the desk lists when nothing changed meanwhile', async () => {
    const { services, answerList, answerPorts } = slowDesk()
    const loading = refreshScanners(services)
    answerList(0, [scanner('/dev/ttyACM0')])
    answerPorts(0)
    await loading
    expect(listed()).toEqual(['/dev/ttyACM0'])
  })
})
