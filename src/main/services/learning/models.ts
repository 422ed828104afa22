import { readFile, writeFile } from 'node:fs/promises'
import { DeskError } from '../../../shared/contract'
import {
  parseDoctypeModel,
  parseRelevanceModel,
  type DoctypeModel,
  type RelevanceModel,
} from '../../../shared/learning'

export type LearnedModel = RelevanceModel | DoctypeModel

async function readModelJson(path: string): Promise<unknown | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new DeskError('IO_ERROR', `${path}: ${(error as Error).message}`, { file: path })
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new DeskError('CORRUPT_FILE', `${path}: not valid JSON (${(error as Error).message})`, {
      file: path,
    })
  }
}

function invalid(path: string, error: unknown): DeskError {
  return new DeskError('CORRUPT_FILE', (error as Error).message, { file: path })
}

export async function loadRelevanceModel(path: string): Promise<RelevanceModel> {
  const json = await readModelJson(path)
  if (json === undefined) throw new DeskError('NOT_FOUND', `${path}: no such model file`, { file: path })
  try {
    return parseRelevanceModel(json, path)
  } catch (error) {
    throw invalid(path, error)
  }
}

export async function loadDoctypeModel(path: string): Promise<DoctypeModel> {
  const json = await readModelJson(path)
  if (json === undefined) throw new DeskError('NOT_FOUND', `${path}: no such model file`, { file: path })
  try {
    return parseDoctypeModel(json, path)
  } catch (error) {
    throw invalid(path, error)
  }
}

/** The model already at `path` (the one a candidate must beat), or undefined when there is none. */
export async function currentModel<K extends LearnedModel['kind']>(
  path: string,
  kind: K,
): Promise<Extract<LearnedModel, { kind: K }> | undefined> {
  const json = await readModelJson(path)
  if (json === undefined) return undefined
  try {
    const model = kind === 'relevance' ? parseRelevanceModel(json, path) : parseDoctypeModel(json, path)
    return model as Extract<LearnedModel, { kind: K }>
  } catch (error) {
    throw invalid(path, error)
  }
}

export async function writeModel(path: string, model: LearnedModel): Promise<void> {
  // No trailing newline: the file's sha256 is then the model's own (modelSha256), which desks verify.
  await writeFile(path, JSON.stringify(model))
}
