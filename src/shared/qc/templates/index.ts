export * from './apply'
export * from './fingerprint'
export * from './learn'
export * from './schema'
