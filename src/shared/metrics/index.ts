export * from './desk-metrics'
