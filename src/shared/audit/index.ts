export { canonicalJson, isCanonicalJson } from './canonical'
export type { JsonObject, JsonPrimitive, JsonValue } from './canonical'
export { GENESIS_ANCHOR, GENESIS_HASH, hashAuditEntry, verifyChain } from './chain'
export type { AuditEntry, ChainAnchor, ChainBreak, ChainVerdict, UnhashedAuditEntry } from './chain'
