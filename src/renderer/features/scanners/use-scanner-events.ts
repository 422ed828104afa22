import { useEffect } from 'react'
import { useServices, type DeskServices } from '../services/context'
import { describeScan } from './describe-scan'
import { publishScan } from './scan-bus'
import { addFeedError, addScan, applyStatus, setListedDevices, setPorts, startDeviceListing } from './store'

export async function refreshScanners(services: DeskServices): Promise<void> {
  const asked = startDeviceListing()
  const [ports, list] = await Promise.all([services.desk.scanners.ports(), services.desk.scanners.list()])
  setPorts(ports)
  setListedDevices(asked, list.devices)
}

/** Scanner pushes for the whole app: a scan is fed and published even while another page is open. */
export function useScannerEvents(): void {
  const services = useServices()
  useEffect(() => {
    const offs = [
      services.desk.on('scanners.scan', (scan) => {
        addScan(scan, describeScan(scan))
        publishScan(scan)
      }),
      services.desk.on('scanners.status', (status) => {
        // A device connected from another window: list them all again.
        if (!applyStatus(status)) {
          const asked = startDeviceListing()
          void services.desk.scanners.list().then(
            ({ devices }) => setListedDevices(asked, devices),
            () => undefined,
          )
        }
      }),
      services.desk.on('scanners.error', addFeedError),
      services.desk.on('scanners.ports', setPorts),
    ]
    return () => offs.forEach((off) => off())
  }, [services])
}
