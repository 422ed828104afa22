import { cueClassifier } from './classify'
import type { DocumentClassifier } from './types'

export * from './types'
export { classifyByCues, cueClassifier, CUE_CLASSIFIER_ID, MIN_SCORE } from './classify'
export { modelClassifier } from './model'

/**
 * The classifier every host types documents with: the one place to swap in a trained model
 * (issue 16) once it implements DocumentClassifier.
 */
export const defaultDocumentClassifier: DocumentClassifier = cueClassifier
