export * from './assets'
export * from './csp'
