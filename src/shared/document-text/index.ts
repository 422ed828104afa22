export * from './schema'
export * from './layout'
