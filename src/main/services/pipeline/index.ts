export {
  DocumentPipeline,
  type ExtractRequest,
  type OcrLanguages,
  type PipelineOptions,
} from './documentPipeline'
export { TextCache } from './textCache'
export { PIPELINE_VERSION } from './tasks'
