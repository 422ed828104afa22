export { interpretScan, type ScanParseError, type ScanReading } from './interpret'
export { decodeSeparators } from './notation'
export { parseProfile, scannerProfileSchema, type ScannerProfile, type ScannerProfileInput } from './profile'
