export { allAis, lookupAi, type AiDefinition } from './ai-table'
export { gs1CheckDigit, hasValidCheckDigit } from './check-digit'
export { resolveYear } from './dates'
export { Gs1ParseError } from './errors'
export { toDataString, toDigitalLinkUri, toElementString, toHri } from './format'
export { parseGs1 } from './parse'
export { lookupSymbology, symbologyIds, type SymbologyInfo } from './symbology'
export {
  DEFAULT_OPTIONS,
  GS,
  STRICT_OPTIONS,
  type Gs1Element,
  type Gs1InputKind,
  type Gs1ParseOptions,
  type Gs1Result,
} from './types'
