import { useEffect, useState } from 'react'
import type { AppInfo } from '../../../shared/contract'
import { describeError } from '../../bridge/errors'
import { useTenantStore } from '../../state'
import { DeskUserSettings } from '../identity/DeskUserControl'
import { UsersPanel } from '../identity/UsersPanel'
import { PageHeading } from '../navigation/PageHeading'
import { useServices } from '../services/context'
import { HubConnectionForm } from './HubConnectionForm'
import { OcrSettingsForm } from './OcrSettingsForm'

const HOST_TEXT: Record<AppInfo['host'], string> = {
  electron: 'Desktop app',
  browser: 'Browser (pebble-desk serve)',
  cli: 'Command line',
}

const yesNo = (value: boolean): string => (value ? 'Yes' : 'No')

export function SettingsPage() {
  const { desk } = useServices()
  const tenantId = useTenantStore((s) => s.currentId)
  const [info, setInfo] = useState<AppInfo | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    desk.app.info().then(
      (result) => live && setInfo(result),
      (e: unknown) => live && setError(describeError(e).message),
    )
    return () => {
      live = false
    }
  }, [desk, tenantId])

  return (
    <>
      <PageHeading>Settings</PageHeading>
      {error && (
        <p role="alert" className="inline-error">
          Could not read the application details: {error}
        </p>
      )}
      <DeskUserSettings />
      <UsersPanel />
      {info && (
        <>
          <section aria-labelledby="about-title" className="card">
            <h2 id="about-title">About this desk</h2>
            <dl className="facts">
              <dt>Version</dt>
              <dd>
                {info.name} {info.version}
              </dd>
              <dt>Host</dt>
              <dd>{HOST_TEXT[info.host]}</dd>
              <dt>Tenant</dt>
              <dd>{info.tenant ? `${info.tenant.name} (${info.tenant.id})` : 'None chosen'}</dd>
            </dl>
          </section>
          {tenantId !== null && <HubConnectionForm key={tenantId} tenantId={tenantId} host={info.host} />}
          {tenantId !== null && <OcrSettingsForm key={`ocr-${tenantId}`} tenantId={tenantId} />}
          <section aria-labelledby="models-title" className="card">
            <h2 id="models-title">Models</h2>
            {info.models.length === 0 ? (
              <p className="muted">No models are listed in the manifest.</p>
            ) : (
              <table aria-label="Models" className="data-table">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Version</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Present</th>
                    <th scope="col">Verified</th>
                    <th scope="col">Problem</th>
                  </tr>
                </thead>
                <tbody>
                  {info.models.map((m) => (
                    <tr key={`${m.name}@${m.version}`}>
                      <th scope="row">{m.name}</th>
                      <td>{m.version}</td>
                      <td>{m.kind}</td>
                      <td className={m.present ? 'ok' : 'bad'}>{yesNo(m.present)}</td>
                      <td className={m.verified ? 'ok' : 'bad'}>{yesNo(m.verified)}</td>
                      <td>{m.problem ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </>
  )
}
