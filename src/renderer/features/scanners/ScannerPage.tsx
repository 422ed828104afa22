import { useEffect, useState } from 'react'
import { describeError } from '../../bridge'
import { PageHeading } from '../navigation/PageHeading'
import { useServices } from '../services/context'
import { ConnectForm } from './ConnectForm'
import { DeviceList } from './DeviceList'
import { KeyboardSettings } from './KeyboardSettings'
import { ScanFeed } from './ScanFeed'
import { TestBox } from './TestBox'
import { UnknownLotPrompt } from './UnknownLotPrompt'
import { refreshScanners } from './use-scanner-events'
import './scanner.css'

export function ScannerPage() {
  const services = useServices()
  const [failure, setFailure] = useState<string | null>(null)

  useEffect(() => {
    refreshScanners(services).then(
      () => setFailure(null),
      (error: unknown) => setFailure(describeError(error).message),
    )
  }, [services])

  return (
    <>
      <PageHeading>Scanner</PageHeading>
      {failure && (
        <p role="alert" className="inline-error">
          Scanners are unavailable: {failure}
        </p>
      )}
      <UnknownLotPrompt />
      <div className="scanner-page">
        <div className="scanner-column">
          <DeviceList />
          <ScanFeed />
          <TestBox />
        </div>
        <div className="scanner-column">
          <ConnectForm />
          <KeyboardSettings />
        </div>
      </div>
    </>
  )
}
