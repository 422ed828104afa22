import { readFileSync } from 'node:fs'
import { onFirstUse } from '../../modules/onFirstUse'

/**
 * The part of onnxruntime-node this folder calls, typed. Loaded with require at run time (like
 * tesseract.js), so the build leaves the native binding in node_modules.
 */
export interface OrtTensor {
  readonly dims: readonly number[]
  readonly data: Float32Array
}

export interface OrtSession {
  readonly inputNames: readonly string[]
  readonly outputNames: readonly string[]
  run(feeds: Record<string, OrtTensor>): Promise<Record<string, OrtTensor>>
  release(): Promise<void>
}

interface OrtModule {
  Tensor: new (type: 'float32', data: Float32Array, dims: readonly number[]) => OrtTensor
  InferenceSession: {
    create(
      model: Uint8Array,
      options: {
        intraOpNumThreads: number
        interOpNumThreads: number
        executionMode: 'sequential'
        graphOptimizationLevel: 'all'
      },
    ): Promise<OrtSession>
  }
}

export const loadOrt = onFirstUse<OrtModule>('onnxruntime-node')

/**
 * One thread per session: the desk already runs one engine per document worker thread, and each
 * worker reading with every core would only make them fight over the same two. The model is read
 * with fs and handed over as bytes, so a model inside the packaged app's asar loads too (the native
 * side cannot open a path into an asar).
 */
export function openSession(path: string): Promise<OrtSession> {
  return loadOrt().InferenceSession.create(readFileSync(path), {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  })
}

export function tensor(data: Float32Array, dims: readonly number[]): OrtTensor {
  return new (loadOrt().Tensor)('float32', data, dims)
}

/** The first output of a run (each PP-OCR model has one). */
export async function runOne(session: OrtSession, input: OrtTensor): Promise<OrtTensor> {
  const out = await session.run({ [session.inputNames[0]!]: input })
  const first = out[session.outputNames[0]!]
  if (!first) throw new Error('onnxruntime returned no output')
  return first
}
