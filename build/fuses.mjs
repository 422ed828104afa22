// Electron fuses for the packaged app: switches compiled into the Electron binary that no command
// line, environment variable or script can turn back. The desk never needs Node in the browser
// process beyond its own code, so the doors an attacker with local access would use are closed.
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses'
import { join } from 'node:path'

export const FUSES = {
  version: FuseVersion.V1,
  // `ELECTRON_RUN_AS_NODE=1 pebble-desk evil.js` would run any script with the app's identity.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS=--require … would inject code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect would open a debugger on the main process (tokens, secrets, the audit chain).
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app.asar is checked against the hash in the signed binary (macOS, Windows) …
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // … and only app.asar is loaded, so a loose `app/` folder next to it cannot replace the code.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Cookies on disk encrypted with the OS key store, like the hub token in safe storage.
  [FuseV1Options.EnableCookieEncryption]: true,
  // Re-sign ad hoc on Apple silicon after flipping, or the binary will not start.
  resetAdHocDarwinSignature: true,
}

/** The Electron binary electron-builder just packed, per platform. */
export function packedElectron(context) {
  const { appOutDir, electronPlatformName, packager } = context
  const name = packager.appInfo.productFilename
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas')
    return join(appOutDir, `${name}.app`)
  if (electronPlatformName === 'win32') return join(appOutDir, `${name}.exe`)
  return join(appOutDir, packager.executableName)
}

export function flipAppFuses(electronPath) {
  return flipFuses(electronPath, FUSES)
}
