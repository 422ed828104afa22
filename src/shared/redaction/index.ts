export { redactDeep, redactQuery, redactText, REDACTED } from './redact'
