import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { getDesk, getDeskConnection } from '../bridge'
import { dexieTenantDb } from '../features/tenant-db/dexie-port'
import { SyncWorkerClient } from '../sync'
import { App } from './App'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <App
      services={{
        desk: getDesk(),
        connection: getDeskConnection(),
        tenantDb: dexieTenantDb,
        sync: () => SyncWorkerClient.spawn(),
      }}
    />
  </StrictMode>,
)
