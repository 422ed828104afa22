import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * Where the desk keeps its data when no folder is given: PEBBLE_DESK_DATA, else the platform's
 * per-user data folder. The Electron shell and the CLI share it, so both see the same documents.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PEBBLE_DESK_DATA) return env.PEBBLE_DESK_DATA
  if (process.platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Pebble Desk')
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Pebble Desk')
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'pebble-desk')
}
