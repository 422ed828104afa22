import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { once } from 'node:events'
import { createGzip } from 'node:zlib'
import { DeskError } from '../../../shared/contract'
import { BACKUP_FORMAT, isTemporary, SKIPPED_FOLDERS } from './format'

export interface BackupSummary {
  file: string
  files: number
  bytes: number
}

/** Every file of the data folder a backup holds, as paths relative to it (sorted, stable). */
export async function backupFiles(dataDir: string): Promise<string[]> {
  const out: string[] = []
  const walk = async (dir: string, top: boolean): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true })
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (top && SKIPPED_FOLDERS.has(entry.name)) continue
      const path = join(dir, entry.name)
      if (entry.isDirectory()) await walk(path, false)
      else if (entry.isFile() && !isTemporary(entry.name))
        out.push(relative(dataDir, path).split(sep).join('/'))
    }
  }
  await walk(dataDir, true)
  return out
}

/**
 * Writes the whole data folder to `outFile`: to a temporary name beside it first, renamed into
 * place only once complete, so an interrupted backup never leaves a truncated file under the name.
 */
export async function writeBackup(
  dataDir: string,
  outFile: string,
  now = new Date(),
): Promise<BackupSummary> {
  const root = resolve(dataDir)
  if (!(await stat(root).catch(() => null))?.isDirectory()) {
    throw new DeskError('NOT_FOUND', `data folder ${root} does not exist: nothing to back up`)
  }
  const target = resolve(outFile)
  const files = (await backupFiles(root)).filter((p) => join(root, p) !== target)
  await mkdir(dirname(target), { recursive: true })
  const temp = `${target}.${process.pid}.partial`
  const gzip = createGzip()
  const sink = createWriteStream(temp)
  const done = new Promise<void>((ok, fail) => {
    sink.on('finish', ok).on('error', fail)
    gzip.on('error', fail)
  })
  gzip.pipe(sink)
  const put = async (chunk: Buffer | string): Promise<void> => {
    if (!gzip.write(chunk)) await once(gzip, 'drain')
  }
  let bytes = 0
  try {
    await put(`${JSON.stringify({ format: BACKUP_FORMAT, version: 1, createdAt: now.toISOString() })}\n`)
    for (const path of files) {
      const full = join(root, path)
      const { size } = await stat(full)
      await put(`${JSON.stringify({ path, size })}\n`)
      const hash = createHash('sha256')
      let read = 0
      // Exactly `size` bytes: a file that grows meanwhile is cut at its size when listed.
      const chunks = size === 0 ? [] : createReadStream(full, { start: 0, end: size - 1 })
      for await (const chunk of chunks) {
        hash.update(chunk as Buffer)
        read += (chunk as Buffer).length
        await put(chunk as Buffer)
      }
      if (read !== size) {
        throw new DeskError('IO_ERROR', `${full} changed while it was being backed up; run the backup again`)
      }
      bytes += size
      await put(`\n${JSON.stringify({ sha256: hash.digest('hex') })}\n`)
    }
    await put(`${JSON.stringify({ end: true, files: files.length })}\n`)
    gzip.end()
    await done
    await rename(temp, target)
  } catch (error) {
    gzip.destroy()
    sink.destroy()
    await rm(temp, { force: true })
    throw error
  }
  return { file: target, files: files.length, bytes }
}
