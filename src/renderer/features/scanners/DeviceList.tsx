import { useState } from 'react'
import type { ScannerDeviceInfo, ScannerIdentity } from '../../../shared/contract'
import { describeError } from '../../bridge'
import { useServices } from '../services/context'
import { STATUS_LABEL } from './describe-scan'
import { applyStatus, useScannerStore } from './store'

export function identityText(device: ScannerIdentity): string {
  const ids = device.vendorId && device.productId ? `${device.vendorId}:${device.productId}` : ''
  const parts = [device.manufacturer, ids, device.serialNumber ? `serial ${device.serialNumber}` : '']
  return parts.filter(Boolean).join(', ') || 'Unknown device'
}

function StatusCell({ device }: { device: ScannerDeviceInfo }) {
  const retry = device.retryInMs !== undefined ? `; retrying in ${Math.ceil(device.retryInMs / 1000)} s` : ''
  return (
    <td>
      <span className={`scanner-status scanner-status-${device.status}`}>{STATUS_LABEL[device.status]}</span>
      {device.message && (
        <span className="muted">
          {' '}
          ({device.message}
          {retry})
        </span>
      )}
    </td>
  )
}

export function DeviceList() {
  const services = useServices()
  const devices = useScannerStore((s) => s.devices)
  const [failure, setFailure] = useState<string | null>(null)

  const disconnect = async (path: string): Promise<void> => {
    try {
      await services.desk.scanners.disconnect({ path })
      applyStatus({ path, status: 'closed' })
      setFailure(null)
    } catch (error) {
      setFailure(describeError(error).message)
    }
  }

  return (
    <section className="card" aria-labelledby="scanner-devices-title">
      <h2 id="scanner-devices-title">Serial scanners</h2>
      {devices.length === 0 ? (
        <p className="muted">
          No serial scanner connected. Connect one below; keyboard scanners need no setup.
        </p>
      ) : (
        <table className="data-table" aria-label="Connected scanners">
          <thead>
            <tr>
              <th scope="col">Port</th>
              <th scope="col">Device</th>
              <th scope="col">Settings</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <tr key={d.path}>
                <th scope="row">{d.path}</th>
                <td>{identityText(d.device)}</td>
                <td>
                  {d.profile.baudRate} baud, {d.profile.terminator}
                </td>
                <StatusCell device={d} />
                <td>
                  <button type="button" className="small" onClick={() => void disconnect(d.path)}>
                    Disconnect <span className="visually-hidden">{d.path}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {failure && (
        <p role="alert" className="inline-error">
          {failure}
        </p>
      )}
    </section>
  )
}
