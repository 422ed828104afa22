import { join } from 'node:path'
import { cueClassifier, modelClassifier, type DocumentClassifier } from '../../../shared/documents/doctype'
import {
  classifyDoctype,
  explainRelevance,
  type DoctypeModel,
  type RelevanceModel,
} from '../../../shared/learning'
import type { DeskCore } from '../core/deskCore'
import { readDocuments } from '../documents/readDocuments'
import { listFiles } from '../storage/walk'
import { DOCUMENT_EXTENSIONS } from '../tenders/screenFiles'
import { loadDoctypeModel } from './models'

/** The document-type model the desk ships (models/doctype.json, listed in models/manifest.json). */
export function defaultDoctypeModelPath(modelsDir: string): string {
  return join(modelsDir, 'doctype.json')
}

/**
 * What the desk types imported documents with: the shipped model, or, when its file is missing or
 * unreadable (app.info names the problem), the cue classifier, so imports still route.
 */
export async function documentClassifier(modelsDir: string): Promise<DocumentClassifier> {
  try {
    return modelClassifier(await loadDoctypeModel(defaultDoctypeModelPath(modelsDir)))
  } catch {
    return cueClassifier
  }
}

export interface ClassifiedFile {
  file: string
  docType?: string
  confidence?: number
  /** The words that pushed the winning type most. */
  top?: [string, number][]
  error?: { code: string; message: string }
}

/** documents: the type of each file (tender, coa, specification, msds, invoice, other) by the model. */
export async function classifyFiles(
  core: DeskCore,
  paths: readonly string[],
  modelPath: string,
): Promise<{ model: DoctypeModel; results: ClassifiedFile[] }> {
  const model = await loadDoctypeModel(modelPath)
  const files = await listFiles(paths, { include: DOCUMENT_EXTENSIONS })
  const outcomes = await readDocuments(core, { paths: files })
  const results = outcomes.map((o): ClassifiedFile => {
    if (o.error) return { file: o.file, error: o.error }
    const verdict = classifyDoctype(model, o.pages.map((p) => p.text).join('\n'))
    return { file: o.file, docType: verdict.docType, confidence: verdict.confidence, top: verdict.top }
  })
  return { model, results }
}

/** The learned relevance of already-read documents, keyed by file, for the ranked list. */
export async function learnedRelevance(core: DeskCore, files: readonly string[], model: RelevanceModel) {
  const outcomes = await readDocuments(core, { paths: files })
  return new Map(
    outcomes
      .filter((o) => !o.error)
      .map((o) => [o.file, explainRelevance(model, o.pages.map((p) => p.text).join('\n'))] as const),
  )
}
