import type { FuseV1Config } from '@electron/fuses'

export const FUSES: FuseV1Config
export interface PackContext {
  appOutDir: string
  electronPlatformName: string
  packager: { executableName: string; appInfo: { productFilename: string } }
}
export function packedElectron(context: PackContext): string
export function flipAppFuses(electronPath: string): Promise<number>
