export { createDesk } from './createDesk'
export { readAppVersion } from './appRoot'
export type { Desk, DeskOptions, DeskSession } from './types'
