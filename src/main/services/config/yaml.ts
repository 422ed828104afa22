import { onFirstUse } from '../modules/onFirstUse'

/**
 * The yaml package, loaded when a profile or specification is first read in YAML: it costs some
 * 40 ms of start-up that commands reading no YAML (`documents read`) need not pay.
 */
export const yaml = onFirstUse<typeof import('yaml')>('yaml')
