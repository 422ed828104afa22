// Web Worker entry: new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }).
// Network pushes and IndexedDB scans stay off the UI thread.
import { hostSyncWorker, type WorkerScope } from './worker-host'

hostSyncWorker(globalThis as unknown as WorkerScope)
