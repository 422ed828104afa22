import { createFakeElectron } from './fake-electron'

/** The one fake that main.test.ts hands to vi.mock('electron') and inspects afterwards. */
export const fake = createFakeElectron()
