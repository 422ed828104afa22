export { loadProfile, loadProfiles, parseProfileText } from './profiles'
export {
  expandDocuments,
  screenFiles,
  screenText,
  type ScreenedText,
  type ScreenFilesOptions,
} from './screenFiles'
export { exportRows, plainValue, toCsv, toXlsx, type Decision } from './export'
export { fieldOut, sortResults, summarise, type FieldOut, type ScreenResult } from './result'
