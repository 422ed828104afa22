// The package ships no types; the reference makes every tsconfig that compiles the learner see them.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./ml-logistic-regression.d.ts" />
import LogisticRegression from 'ml-logistic-regression'
import { Matrix } from 'ml-matrix'
import { sha256Hex } from '../crypto'
import { FEATURE_EXTRACTOR, FEATURE_EXTRACTOR_ID, type SparseFeatures } from './features'
import {
  classProbabilities,
  DOCTYPE_CLASSES,
  multiclassMetrics,
  type DoctypeClass,
  type DoctypeModel,
} from './doctype'
import { binaryMetrics } from './metrics'
import { probabilityOf, type RelevanceModel } from './relevance'
import { splitRecords } from './split'

/** One analyst decision as the learner sees it: hashed features, never the document's text. */
export interface LabelledExample {
  /** The decision record's id (or the document's sha256): it alone decides the validation split. */
  id: string
  features: SparseFeatures
  relevant: boolean
}

export class TrainingError extends Error {}

// Full-batch gradient ascent on unit-length features: a few hundred steps at this rate converge on
// bid-sized vocabularies, and stopping there keeps the weights small (the library has no penalty).
const STEPS = 300
const RATE_PER_EXAMPLE = 4

function designMatrix(examples: readonly { features: SparseFeatures }[]): Matrix {
  const rows = examples.map(({ features }) => {
    const row = new Array<number>(FEATURE_EXTRACTOR.dimensions + 1).fill(0)
    for (const [index, value] of features) row[index] = value
    row[FEATURE_EXTRACTOR.dimensions] = 1 // bias
    return row
  })
  return new Matrix(rows)
}

/**
 * Trains a relevance model on the train split of the examples and scores it on the validation
 * split (decided per record id, see split.ts). Needs both labels among the training examples.
 */
export function trainRelevance(examples: readonly LabelledExample[], createdAt: string): RelevanceModel {
  const { train, validation } = splitRecords(examples, (e) => e.id)
  const relevant = train.filter((e) => e.relevant).length
  if (relevant === 0 || relevant === train.length) {
    throw new TrainingError(
      `training needs both relevant and irrelevant decisions (the training split has ${relevant} relevant of ${train.length})`,
    )
  }
  const learner = new LogisticRegression({ numSteps: STEPS, learningRate: RATE_PER_EXAMPLE / train.length })
  // Class 0 = irrelevant, 1 = relevant; the library's first one-vs-rest classifier then scores "relevant".
  learner.train(designMatrix(train), Matrix.columnVector(train.map((e) => (e.relevant ? 1 : 0))))
  const classifier = learner.classifiers[0]
  if (!classifier) throw new TrainingError('the learner produced no classifier')
  const weights = classifier.weights.to1DArray().map((w: number) => Math.round(w * 1e6) / 1e6)
  const draft: RelevanceModel = {
    kind: 'relevance',
    version: '',
    featureExtractor: FEATURE_EXTRACTOR_ID,
    weights,
    trainedOn: { examples: train.length, relevant, irrelevant: train.length - relevant },
    metrics: { validation: binaryMetrics([]) },
    createdAt,
  }
  const validationMetrics = binaryMetrics(
    validation.map((e) => ({ actual: e.relevant, probability: probabilityOf(draft, e.features) })),
  )
  return {
    ...draft,
    version: `relevance-${sha256Hex(JSON.stringify(weights)).slice(0, 12)}`,
    metrics: { validation: validationMetrics },
  }
}

/** A document whose type a person (or a generated set's truth) settled. */
export interface DoctypeExample {
  /** The document's sha256: it alone decides the validation split. */
  id: string
  features: SparseFeatures
  docType: DoctypeClass
}

/**
 * Trains a document-type model, one-vs-rest over the classes present in the train split, and scores
 * it on the validation split. `description` says what the examples were, for the model registry.
 */
export function trainDoctype(
  examples: readonly DoctypeExample[],
  createdAt: string,
  description: string,
): DoctypeModel {
  const { train, validation } = splitRecords(examples, (e) => e.id)
  const classes = DOCTYPE_CLASSES.filter((cls) => train.some((e) => e.docType === cls))
  if (classes.length < 2) {
    throw new TrainingError(
      `training needs documents of at least two types (the training split has ${classes.join(', ') || 'none'})`,
    )
  }
  const learner = new LogisticRegression({ numSteps: STEPS, learningRate: RATE_PER_EXAMPLE / train.length })
  learner.train(designMatrix(train), Matrix.columnVector(train.map((e) => classes.indexOf(e.docType))))
  // The library's classifier i scores "not class i" (class i is its 0); negated, it scores "class i".
  const weights = classes.map((cls, i) => {
    const classifier = learner.classifiers[i]
    if (!classifier) throw new TrainingError(`the learner produced no classifier for ${cls}`)
    return classifier.weights.to1DArray().map((w: number) => Math.round(-w * 1e5) / 1e5 || 0)
  })
  const perClass = Object.fromEntries(
    classes.map((cls) => [cls, train.filter((e) => e.docType === cls).length]),
  )
  const draft: DoctypeModel = {
    kind: 'doctype',
    version: '',
    featureExtractor: FEATURE_EXTRACTOR_ID,
    classes,
    weights,
    trainedOn: { examples: train.length, perClass, description },
    metrics: { validation: multiclassMetrics([], classes) },
    createdAt,
  }
  const scored = validation.map((e) => {
    const ranked = [...classProbabilities(draft, e.features).entries()].sort((a, b) => b[1] - a[1])
    const [predicted, confidence] = ranked[0] ?? ['other', 0]
    return { actual: e.docType, predicted, confidence }
  })
  return {
    ...draft,
    version: `doctype-${sha256Hex(JSON.stringify(weights)).slice(0, 12)}`,
    metrics: { validation: multiclassMetrics(scored, classes) },
  }
}
