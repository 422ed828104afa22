import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { getDesk, getDeskConnection } from '../bridge'
import { createDexieTenantDb } from '../features/tenant-db/dexie-port'
import { SyncWorkerClient } from '../sync'
import { App } from './App'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

const desk = getDesk()

createRoot(root).render(
  <StrictMode>
    <App
      services={{
        desk,
        connection: getDeskConnection(),
        // Copied into the desk's data folder, so the desk's backups hold records, audit and outbox.
        tenantDb: createDexieTenantDb(desk.store),
        sync: () => SyncWorkerClient.spawn(),
      }}
    />
  </StrictMode>,
)
