export {
  DocumentPipeline,
  type ExtractOutcome,
  type ExtractRequest,
  type GrayPagesRequest,
  type OcrLanguages,
  type PipelineOptions,
  type ScreenRequest,
} from './documentPipeline'
export { TextCache } from './textCache'
export { PIPELINE_VERSION } from './tasks'
