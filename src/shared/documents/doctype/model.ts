import { classifyDoctype, type DoctypeModel } from '../../learning/doctype'
import type { DocumentClassifier, DocTypeResult } from './types'

/** Reading more of a 200-page tender would not change its type, only the time taken. */
const MAX_CHARS = 200_000

/**
 * A trained document-type model (models/doctype.json) behind the classifier interface: its cues are
 * the words that pushed the winning type most, so a user can check them against the page.
 */
export function modelClassifier(model: DoctypeModel): DocumentClassifier {
  const id = `doctype-model/${model.version}`
  return {
    id,
    classify(text: string): DocTypeResult {
      const verdict = classifyDoctype(model, text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text)
      return {
        type: verdict.docType,
        confidence: verdict.confidence,
        cues: verdict.top.map(([word, weight]) => ({
          type: verdict.docType,
          label: `the word "${word}"`,
          weight: Math.round(weight * 100) / 100,
        })),
        classifier: id,
      }
    },
  }
}
