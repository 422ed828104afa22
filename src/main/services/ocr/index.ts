export { createOcrEngine, type OcrEngine, type OcrEngineKind, type OcrEngineOptions } from './engine'
export { recognizePage, toPageBox, type RecognizePageOptions } from './page'
export { createOsdDetector, OSD_MIN_CONFIDENCE, type OrientationGuess, type OsdDetector } from './osd'
export { CLEAN_BELOW_CONFIDENCE, UNEVEN_PAPER, type CleanMode } from './clean'
export { encodePgm } from './netpbm'
export { parseTsv } from './tsv'
export { packagedLanguageFolder, type OcrLanguage, type OcrLanguages } from './language-data'
export type { OcrBlock, OcrLine, OcrResult, OcrWord, Psm, RecognizeOptions } from './types'
export {
  NUMERIC_CHARS,
  UNIT_CHARS,
  readCells,
  type CellLook,
  type CellReading,
  type ReadCellsOptions,
} from './cells'
