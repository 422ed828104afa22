export { SyncCredentialStore } from './credentials'
export { syncCredentialHandlers } from './handlers'
export * from './deskMeter'
