import { readFile } from 'node:fs/promises'
import { DeskError } from '../../../shared/contract'
import {
  classProbabilities,
  DOCTYPE_CLASSES,
  doctypeModelSha256,
  hashedFeatures,
  isValidation,
  modelSha256,
  multiclassMetrics,
  binaryMetrics,
  decidePromotion,
  probabilityOf,
  trainDoctype,
  trainRelevance,
  type DoctypeClass,
  type DoctypeModel,
  type RelevanceModel,
  type SparseFeatures,
} from '../../../shared/learning'
import type { DeskCore } from '../core/deskCore'
import { readDocuments } from '../documents/readDocuments'
import { listFiles } from '../storage/walk'
import { DOCUMENT_EXTENSIONS } from '../tenders/screenFiles'
import { labelFinder, parseLabels } from './labels'
import { currentModel, writeModel, type LearnedModel } from './models'

/** The hub's registry promotes by the same rule (src/shared/learning/promotion.ts). */
export { PROMOTION_MARGIN } from '../../../shared/learning'

export type ModelKind = LearnedModel['kind']

export interface TrainRequest {
  kind: ModelKind
  /** Files and folders to learn from; each needs a label in the labels file. */
  paths: readonly string[]
  labelsFile: string
  /** Where the model goes; a valid model already there is the one to beat. */
  out: string
  now: string
  /** What the documents are, kept with a document-type model. */
  description?: string
}

export interface TrainReport {
  kind: ModelKind
  version: string
  sha256: string
  trainedOn: LearnedModel['trainedOn']
  metrics: { validation: { precision: number; recall: number; f1: number; accuracy: number; n: number } }
  promoted: boolean
  reason: string
  out: string
  /** Files read but left out: no label, or unreadable (with why). */
  skipped: { file: string; reason: string }[]
}

const ALLOWED: Record<ModelKind, readonly string[]> = {
  relevance: ['relevant', 'irrelevant'],
  doctype: DOCTYPE_CLASSES,
}

interface Example {
  id: string
  features: SparseFeatures
  label: string
}

async function readExamples(
  core: DeskCore,
  request: TrainRequest,
): Promise<{ examples: Example[]; skipped: TrainReport['skipped'] }> {
  const text = await readFile(request.labelsFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new DeskError('NOT_FOUND', `${request.labelsFile}: ${error.message}`, { file: request.labelsFile })
  })
  const labelOf = labelFinder(parseLabels(text, request.labelsFile, ALLOWED[request.kind]))
  const files = await listFiles(request.paths, { include: DOCUMENT_EXTENSIONS })
  const skipped: TrainReport['skipped'] = []
  const labelled = files.filter((file) => {
    if (labelOf(file) !== undefined) return true
    skipped.push({ file, reason: `no label in ${request.labelsFile}` })
    return false
  })
  const outcomes = await readDocuments(core, { paths: labelled })
  const examples: Example[] = []
  const seen = new Set<string>()
  for (const outcome of outcomes) {
    if (outcome.error || !outcome.sha256) {
      skipped.push({ file: outcome.file, reason: outcome.error?.message ?? 'unreadable' })
      continue
    }
    // The same document twice (a copy under another name) would sit in both splits' reach: keep one.
    if (seen.has(outcome.sha256)) {
      skipped.push({ file: outcome.file, reason: 'same content as another file' })
      continue
    }
    seen.add(outcome.sha256)
    const pageText = outcome.pages.map((p) => p.text).join('\n')
    examples.push({
      id: outcome.sha256,
      features: hashedFeatures(pageText),
      label: labelOf(outcome.file) ?? '',
    })
  }
  return { examples, skipped }
}

/** The headline figure a candidate must improve: F1 for relevance (rare positives), accuracy for routing. */
function headline(kind: ModelKind, metrics: { f1: number; accuracy: number }): number {
  return kind === 'relevance' ? metrics.f1 : metrics.accuracy
}

function scoreRelevance(model: RelevanceModel, validation: readonly Example[]) {
  return binaryMetrics(
    validation.map((e) => ({
      actual: e.label === 'relevant',
      probability: probabilityOf(model, e.features),
    })),
  )
}

function scoreDoctype(model: DoctypeModel, validation: readonly Example[]) {
  return multiclassMetrics(
    validation.map((e) => {
      const [predicted, confidence] = [...classProbabilities(model, e.features).entries()].sort(
        (a, b) => b[1] - a[1],
      )[0] ?? ['other', 0]
      return { actual: e.label as DoctypeClass, predicted, confidence }
    }),
    model.classes,
  )
}

/**
 * Trains a model from labelled files, scores it on the deterministic validation split, and writes
 * it to `out` only if it beats the model already there on that same split by PROMOTION_MARGIN.
 */
export async function trainFromFiles(core: DeskCore, request: TrainRequest): Promise<TrainReport> {
  const { examples, skipped } = await readExamples(core, request)
  if (examples.length === 0) throw new DeskError('INVALID_INPUT', 'no labelled document could be read')
  const validation = examples.filter((e) => isValidation(e.id))
  let candidate: LearnedModel
  let current: LearnedModel | undefined
  let candidateScore: number
  let currentScore: number | undefined
  try {
    if (request.kind === 'relevance') {
      const model = trainRelevance(
        examples.map((e) => ({ id: e.id, features: e.features, relevant: e.label === 'relevant' })),
        request.now,
      )
      const existing = await currentModel(request.out, 'relevance')
      candidate = model
      current = existing
      candidateScore = headline('relevance', model.metrics.validation)
      currentScore = existing && headline('relevance', scoreRelevance(existing, validation))
    } else {
      const model = trainDoctype(
        examples.map((e) => ({ id: e.id, features: e.features, docType: e.label as DoctypeClass })),
        request.now,
        request.description ?? `${examples.length} labelled documents`,
      )
      const existing = await currentModel(request.out, 'doctype')
      candidate = model
      current = existing
      candidateScore = headline('doctype', model.metrics.validation)
      currentScore = existing && headline('doctype', scoreDoctype(existing, validation))
    }
  } catch (error) {
    if (error instanceof DeskError) throw error
    throw new DeskError('INVALID_INPUT', (error as Error).message)
  }
  const measure = request.kind === 'relevance' ? 'F1' : 'accuracy'
  const { promoted, reason } = decidePromotion(
    validation.length,
    measure,
    candidateScore,
    current?.version,
    currentScore,
  )
  if (promoted) await writeModel(request.out, candidate)
  const { precision, recall, f1, accuracy, n } = candidate.metrics.validation
  return {
    kind: candidate.kind,
    version: candidate.version,
    sha256: candidate.kind === 'relevance' ? modelSha256(candidate) : doctypeModelSha256(candidate),
    trainedOn: candidate.trainedOn,
    metrics: { validation: { precision, recall, f1, accuracy, n } },
    promoted,
    reason,
    out: request.out,
    skipped,
  }
}
