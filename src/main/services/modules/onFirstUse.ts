import { createRequire } from 'node:module'

/**
 * A getter for a package that is loaded when first asked for, not when the module naming it is:
 * native bindings and large packages (serialport, exceljs, the canvas, ws, yaml) would otherwise
 * be paid for at the start of every command and worker, most of which never use them.
 */
export function onFirstUse<T>(specifier: string): () => T {
  let loaded: T | undefined
  return () => (loaded ??= createRequire(__filename)(specifier) as T)
}
