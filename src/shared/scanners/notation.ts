import { GS } from '../gs1'

/**
 * People cannot type the GS control character (and shells cannot easily pass it), so typed barcode
 * data may spell it as \x1D (any case), \u001D, <GS> or {GS}.
 */
export function decodeSeparators(data: string): string {
  return data.replace(/\\x1d|\\u001d|<GS>|\{GS\}/gi, GS)
}
