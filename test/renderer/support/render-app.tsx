import { render, type RenderResult } from '@testing-library/react'
import { App } from '../../../src/renderer/src/App'
import { setSession } from '../../../src/renderer/features/identity/session'
import { dexieTenantDb } from '../../../src/renderer/features/tenant-db/dexie-port'
import type { TenantDbPort } from '../../../src/renderer/features/tenant-db/port'
import type { DeskServices } from '../../../src/renderer/features/services/context'
import type { TestDesk } from './desk-harness'

export function renderApp(
  test: TestDesk,
  tenantDb: TenantDbPort = dexieTenantDb,
  extra: Pick<DeskServices, 'sync'> = {},
): RenderResult {
  // A page load asks the desk who is signed in; a test starts from that answer, as a reload would.
  setSession({ setupNeeded: test.users.setupNeeded, user: test.users.signedIn, idleLockMinutes: 15 })
  return render(<App services={{ desk: test.desk, connection: test.connection, tenantDb, ...extra }} />)
}
