export { createUuidV7, isUuidV7, uuidv7, uuidv7Timestamp, UUIDV7_PATTERN } from './uuidv7'
export type { UuidV7Source } from './uuidv7'
export { tenantIdSchema } from './tenant'
