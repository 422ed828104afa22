/** Media types the desk accepts, told apart by their first bytes, never by the file name. */
export type SupportedMediaType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/tiff'

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b)

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d] // %PDF-

/** How many leading bytes `sniffMediaType` needs to decide. */
export const SNIFF_BYTES = 1024

export function sniffMediaType(head: Uint8Array): SupportedMediaType | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'image/tiff'
  if (startsWith(head, [0x49, 0x49, 0x2b, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2b]))
    return 'image/tiff'
  // Scanners and mail gateways sometimes prepend junk; PDF readers accept %PDF- within the first 1 KiB.
  const limit = Math.min(head.length, SNIFF_BYTES) - PDF_MAGIC.length
  for (let i = 0; i <= limit; i++) if (startsWith(head, PDF_MAGIC, i)) return 'application/pdf'
  return null
}
