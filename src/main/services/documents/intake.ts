import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Readable, Transform } from 'node:stream'
import { DeskError } from '../../../shared/contract'
import { SNIFF_BYTES, sniffMediaType, type SupportedMediaType } from '../../../shared/files/sniff'

export const DEFAULT_MAX_FILE_BYTES = 512 * 1024 * 1024

export type IntakeSource = { kind: 'path'; path: string } | { kind: 'bytes'; name: string; bytes: Uint8Array }

export interface StoredBlob {
  name: string
  sourcePath: string | null
  sha256: string
  size: number
  mediaType: SupportedMediaType
}

export function sourceLabel(source: IntakeSource): string {
  return source.kind === 'path' ? source.path : source.name
}

function ioError(file: string, error: unknown): DeskError {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return new DeskError('NOT_FOUND', `${file}: file not found`, { file })
  if (code === 'EACCES' || code === 'EPERM')
    return new DeskError('IO_ERROR', `${file}: permission denied`, { file })
  if (error instanceof DeskError) return error
  return new DeskError('IO_ERROR', `${file}: ${(error as Error).message}`, { file })
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES)
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

function checkType(file: string, head: Uint8Array): SupportedMediaType {
  const mediaType = sniffMediaType(head)
  if (!mediaType) {
    throw new DeskError('UNSUPPORTED_FILE', `${file}: not a PDF, PNG, JPEG or TIFF file`, { file })
  }
  return mediaType
}

/** Size and leading bytes of a file on disk, refusing folders and files over `maxBytes`. */
async function inspectFile(path: string, maxBytes: number): Promise<{ size: number; head: Uint8Array }> {
  const info = await stat(path)
  if (!info.isFile()) throw new DeskError('UNSUPPORTED_FILE', `${path}: not a regular file`, { file: path })
  if (info.size > maxBytes) throw tooLarge(path, info.size, maxBytes)
  return { size: info.size, head: await readHead(path) }
}

/** Checks a file where it lies (no copy) and hashes it: what `pebble-desk ocr` needs. */
export async function identifyFile(
  path: string,
  maxBytes: number,
): Promise<{ size: number; sha256: string; mediaType: SupportedMediaType }> {
  try {
    const { size, head } = await inspectFile(path, maxBytes)
    if (size === 0) throw new DeskError('CORRUPT_FILE', `${path}: the file is empty`, { file: path })
    const mediaType = checkType(path, head)
    const hash = createHash('sha256')
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
    return { size, sha256: hash.digest('hex'), mediaType }
  } catch (error) {
    throw ioError(path, error)
  }
}

/**
 * Copies one file into the content-addressed blob folder, hashing it on the way, so the desk keeps
 * the exact bytes it screened even if the original is moved. Cancellation aborts mid-copy.
 */
export async function storeBlob(
  source: IntakeSource,
  blobDir: string,
  options: { maxBytes: number; signal?: AbortSignal },
): Promise<StoredBlob> {
  const file = sourceLabel(source)
  try {
    let size: number
    let head: Uint8Array
    let input: Readable
    if (source.kind === 'path') {
      const inspected = await inspectFile(source.path, options.maxBytes)
      size = inspected.size
      head = inspected.head
      input = createReadStream(source.path)
    } else {
      size = source.bytes.byteLength
      if (size > options.maxBytes) throw tooLarge(file, size, options.maxBytes)
      head = source.bytes.subarray(0, SNIFF_BYTES)
      input = Readable.from([Buffer.from(source.bytes)])
    }
    if (size === 0) throw new DeskError('CORRUPT_FILE', `${file}: the file is empty`, { file })
    const mediaType = checkType(file, head)

    await mkdir(blobDir, { recursive: true })
    const temp = join(blobDir, `.incoming-${randomBytes(8).toString('hex')}`)
    const hash = createHash('sha256')
    const hasher = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk)
        done(null, chunk)
      },
    })
    try {
      await pipeline(input, hasher, createWriteStream(temp), { signal: options.signal })
    } catch (error) {
      await unlink(temp).catch(() => undefined)
      if (options.signal?.aborted) throw new DeskError('CANCELLED', `${file}: import cancelled`, { file })
      throw error
    }
    const sha256 = hash.digest('hex')
    const target = join(blobDir, sha256.slice(0, 2), sha256)
    await mkdir(dirname(target), { recursive: true })
    await rename(temp, target)
    const name = source.kind === 'path' ? basename(source.path) : basename(source.name.replace(/\\/g, '/'))
    return { name, sourcePath: source.kind === 'path' ? resolve(source.path) : null, sha256, size, mediaType }
  } catch (error) {
    throw ioError(file, error)
  }
}

function tooLarge(file: string, size: number, max: number): DeskError {
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`
  return new DeskError('FILE_TOO_LARGE', `${file}: ${mib(size)} is over the ${mib(max)} limit`, {
    file,
    size,
    max,
  })
}
