import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { once } from 'node:events'
import { createGunzip } from 'node:zlib'
import type { z } from 'zod'
import { DeskError, formatZodIssues } from '../../../shared/contract'
import { endLineSchema, fileLineSchema, headerSchema, sumLineSchema } from './format'

/** Pulls lines and exact byte counts off a chunked stream. */
class ByteReader {
  private buffer: Buffer = Buffer.alloc(0)
  private readonly chunks: AsyncIterator<Buffer>

  constructor(source: AsyncIterable<Buffer>) {
    this.chunks = source[Symbol.asyncIterator]()
  }

  private async more(): Promise<boolean> {
    const next = await this.chunks.next()
    if (next.done) return false
    this.buffer = this.buffer.length === 0 ? next.value : Buffer.concat([this.buffer, next.value])
    return true
  }

  async line(limit = 64 * 1024): Promise<string | null> {
    for (;;) {
      const at = this.buffer.indexOf(10)
      if (at >= 0) {
        const text = this.buffer.subarray(0, at).toString('utf8')
        this.buffer = this.buffer.subarray(at + 1)
        return text
      }
      if (this.buffer.length > limit || !(await this.more())) return null
    }
  }

  /** Hands exactly `size` bytes to `take` as they arrive; false when the stream ends first. */
  async bytes(size: number, take: (chunk: Buffer) => Promise<void>): Promise<boolean> {
    let left = size
    while (left > 0) {
      if (this.buffer.length === 0 && !(await this.more())) return false
      const part = this.buffer.subarray(0, Math.min(left, this.buffer.length))
      this.buffer = this.buffer.subarray(part.length)
      left -= part.length
      await take(part)
    }
    return true
  }
}

/**
 * Unpacks a backup into `into` (an empty staging folder), checking every file's sha256 before
 * going on; the first damaged or altered file stops it with an error naming the backup and the
 * file. Returns the paths written.
 */
export async function unpackBackup(file: string, into: string): Promise<string[]> {
  const bad = (problem: string): DeskError =>
    new DeskError('CORRUPT_FILE', `${file}: ${problem}; nothing was restored`, { file })
  const gunzip = createGunzip()
  const source = createReadStream(file)
  source.pipe(gunzip)
  const failed = new Promise<never>((_, fail) => {
    source.on('error', (e) => fail(new DeskError('IO_ERROR', `${file}: ${e.message}`, { file })))
    gunzip.on('error', (e) => fail(bad(`not a readable desk backup (${e.message})`)))
  })
  failed.catch(() => undefined)
  const reader = new ByteReader(gunzip)
  const next = async <S extends z.ZodType>(schema: S, what: string): Promise<z.output<S>> => {
    const text = await Promise.race([reader.line(), failed])
    if (text === null) throw bad(`ends early, where ${what} was expected (the file is truncated)`)
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw bad(`${what} is not valid JSON`)
    }
    const parsed = schema.safeParse(json)
    if (!parsed.success) throw bad(`${what}: ${formatZodIssues(parsed.error)}`)
    return parsed.data
  }
  try {
    await next(headerSchema, 'the header (is this a pebble-desk backup?)')
    const written: string[] = []
    for (;;) {
      const text = await Promise.race([reader.line(), failed])
      if (text === null) throw bad('ends early, without its closing line (the file is truncated)')
      const json = JSON.parse(text) as unknown
      const end = endLineSchema.safeParse(json)
      if (end.success) {
        if (end.data.files !== written.length) {
          throw bad(`holds ${written.length} files but its closing line says ${end.data.files}`)
        }
        return written
      }
      const entry = fileLineSchema.safeParse(json)
      if (!entry.success) throw bad(`entry ${written.length + 1}: ${formatZodIssues(entry.error)}`)
      const { path, size } = entry.data
      const target = join(into, path)
      await mkdir(dirname(target), { recursive: true })
      const hash = createHash('sha256')
      const sink = createWriteStream(target)
      const complete = await Promise.race([
        reader.bytes(size, async (chunk) => {
          hash.update(chunk)
          if (!sink.write(chunk)) await once(sink, 'drain')
        }),
        failed,
      ])
      sink.end()
      await once(sink, 'close')
      if (!complete || (await Promise.race([reader.line(), failed])) !== '') {
        throw bad(`${path} is cut short (the file is truncated)`)
      }
      const { sha256 } = await next(sumLineSchema, `the checksum of ${path}`)
      if (hash.digest('hex') !== sha256) {
        throw bad(`${path} does not match its recorded checksum (the backup was altered or damaged)`)
      }
      written.push(path)
    }
  } catch (error) {
    source.destroy()
    gunzip.destroy()
    await rm(into, { recursive: true, force: true })
    if (error instanceof SyntaxError) throw bad('an entry line is not valid JSON')
    throw error
  }
}
