// The schema lives in shared/ so the desk contract can validate profiles arriving from the UI.
export {
  parseProfile,
  scannerProfileSchema,
  type ScannerProfile,
  type ScannerProfileInput,
} from '../../../shared/scanners/profile'
