export { loadProfile, loadProfiles, parseProfileText } from './profiles'
export { DOCUMENT_EXTENSIONS, screenFiles, type ScreenFilesOptions } from './screenFiles'
export { screenDocuments, type ScreenDocumentsRequest } from './screenDocuments'
export {
  screenPages,
  screenText,
  screenedTextSchema,
  type ScreenedText,
} from '../../../shared/tenders/screenText'
export { exportRows, plainValue, toCsv, toXlsx, type Decision } from './export'
export { fieldOut, sortResults, summarise, type FieldOut, type ScreenResult } from './result'
