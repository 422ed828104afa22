import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { z } from 'zod'
import { DeskError, formatZodIssues } from '../../../shared/contract'

/** Reads a JSON file validated by `schema`; a missing file yields `fallback`. */
export async function readJsonFile<S extends z.ZodType>(
  path: string,
  schema: S,
  fallback: z.output<S>,
): Promise<z.output<S>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fallback
    throw new DeskError('IO_ERROR', `${path}: ${(error as Error).message}`, { file: path })
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new DeskError('CORRUPT_FILE', `${path}: not valid JSON (${(error as Error).message})`, {
      file: path,
    })
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    throw new DeskError('CORRUPT_FILE', `${path}: ${formatZodIssues(parsed.error)}`, { file: path })
  }
  return parsed.data
}

/** Write-then-rename, so a crash mid-write never leaves a truncated store behind. */
export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`
  await writeFile(temp, JSON.stringify(value, null, 2) + '\n', 'utf8')
  await rename(temp, path)
}

/** Serialises async read-modify-write sections that touch the same file. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task, task)
    this.tail = next.catch(() => undefined)
    return next
  }
}
