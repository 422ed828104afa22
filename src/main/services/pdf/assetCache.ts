import { readFile } from 'node:fs/promises'

type AssetKind = 'cMapUrl' | 'standardFontDataUrl' | 'wasmUrl'

const cache = new Map<string, Promise<Uint8Array>>()

/**
 * pdf.js's `BinaryDataFactory`: the standard font and CMap files it reads from pdfjs-dist. pdf.js on
 * Node reads such a file from disk for every document that needs it (Helvetica on every generated
 * bid); the bytes never change, so each file is read once per thread. Each caller gets its own
 * copy, since pdf.js may hand the buffer on as a transfer.
 */
export class CachedAssetFactory {
  private readonly bases: Record<AssetKind, string | null>

  constructor(urls: {
    cMapUrl?: string | null
    standardFontDataUrl?: string | null
    wasmUrl?: string | null
  }) {
    this.bases = {
      cMapUrl: urls.cMapUrl ?? null,
      standardFontDataUrl: urls.standardFontDataUrl ?? null,
      wasmUrl: urls.wasmUrl ?? null,
    }
  }

  async fetch({ kind, filename }: { kind: AssetKind; filename: string }): Promise<Uint8Array> {
    const base = this.bases[kind]
    if (!base) throw new Error(`Ensure that the \`${kind}\` API parameter is provided.`)
    const path = `${base}${filename}`
    let bytes = cache.get(path)
    if (!bytes) {
      bytes = readFile(path).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength))
      cache.set(path, bytes)
      // A failed read is not remembered: the next document tries again.
      bytes.catch(() => cache.delete(path))
    }
    return (await bytes).slice()
  }
}
