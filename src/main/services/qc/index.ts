export { extractTables, type ExtractOptions, type Rules } from '../../../shared/qc/table/extract'
export { extractHeaderFields } from '../../../shared/qc/headerFields'
export { findRules } from './rules'
export {
  inkMark,
  signatureCheck,
  skewCheck,
  LOWER_THIRD,
  type Region,
  type VisionSettings,
} from './visionChecks'
export { loadSpecFile, parseSpecText, type LoadedSpec } from './specFile'
export { checkCoa, extractCoa, NO_TABLE, type CheckCoaRequest, type CoaReport } from './checkCoa'
export { loadPageImages } from './pageImages'
