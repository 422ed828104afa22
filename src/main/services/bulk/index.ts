export {
  bulkResults,
  bulkStatus,
  submitBulk,
  type HubTarget,
  type SubmitRequest,
  type Submitted,
} from './client'
export { screenBlob, TransientScreenError, type BlobOutcome, type ScreenBlobRequest } from './screenBlob'
export { bulkDeskHandlers } from './deskHandlers'
