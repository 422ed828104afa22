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
export { loadSpecFile, loadSpecLibrary, parseSpecText, type LoadedSpec } from './specFile'
export { assessCoa, extractCoa, NO_TABLE, type AssessCoaRequest, type CoaReport } from './assessCoa'
export {
  checkCoa,
  localToday,
  pickSpec,
  type CheckCoaRequest,
  type CoaCheckResult,
  type CoaDocument,
} from './checkCoa'
