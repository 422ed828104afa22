export * from './assets'
