export { normaliseWhitespace } from './normalise'
export { levenshtein } from './levenshtein'
export { characterErrorRate, type CerResult } from './cer'
