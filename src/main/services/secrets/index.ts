export { checkSecretKey, MemorySecretStore, type SecretStore } from './secretStore'
