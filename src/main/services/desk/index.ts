export { createDesk } from './createDesk'
export { readAppVersion } from './appRoot'
export { createDirectDeskApi } from './directApi'
export type { Desk, DeskOptions, DeskSession } from './types'
