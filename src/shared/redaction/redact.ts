/**
 * Personal data out of logs (DPDP Act 2023): every logger on the desk and the hub runs its text
 * through `redactText`. Identifiers that logs need to stay useful (GeM bid numbers, ISO dates,
 * UUIDs, hashes, GTINs behind their AI) are set aside first so the PII patterns cannot bite them.
 */
export const REDACTED = {
  email: '[email]',
  phone: '[phone]',
  pan: '[pan]',
  aadhaar: '[aadhaar]',
  gstin: '[gstin]',
  ifsc: '[ifsc]',
  account: '[account]',
  token: '[token]',
} as const

// Kept verbatim; order matters only in that a longer form must come before its prefix.
const KEEP = new RegExp(
  [
    /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.source,
    /\b[0-9a-f]{32,}\b/.source,
    /\bGEM\/\d{4}\/[A-Z]\/\d+/.source,
    /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/.source,
    // A GTIN behind GS1's (01), Digital Link's /01/ or a gtin label is a product, not a person.
    /(?:\(01\)|\/01\/|\bgtin\b["']?[\s:=]*["']?)\d{8,14}\b/.source,
  ].join('|'),
  'gi',
)

type Rule = { pattern: RegExp; replace: (match: string, ...groups: string[]) => string }

const digitCount = (s: string) => s.replace(/\D/g, '').length

const RULES: Rule[] = [
  // Credentials first: a token can look like anything, so it is found by its label or prefix.
  { pattern: /\bpdt_[A-Za-z0-9_-]{16,}/g, replace: () => REDACTED.token },
  {
    pattern: /\b(Bearer\s+)[A-Za-z0-9._~+/=\uE000-\uEFFF-]+/gi,
    replace: (_m, p = '') => `${p}${REDACTED.token}`,
  },
  {
    pattern: /\b(\w*(?:token|api[_-]?key|password|passphrase|secret))(["']?\s*[:=]\s*["']?)[^\s"'&,;]+/gi,
    replace: (_m, key = '', gap = '') => `${key}${gap}${REDACTED.token}`,
  },
  {
    pattern: /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
    replace: () => REDACTED.email,
  },
  { pattern: /\b\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]\b/gi, replace: () => REDACTED.gstin },
  { pattern: /\b[A-Z]{5}\d{4}[A-Z]\b/gi, replace: () => REDACTED.pan },
  { pattern: /\b[A-Z]{4}0[A-Z0-9]{6}\b/g, replace: () => REDACTED.ifsc },
  {
    // "a/c 123456789012", "account no. 0012…": a bare digit run is too common to redact blind.
    pattern: /\b(a\/c|acc(?:oun)?t|acct|bank account)(\s*(?:no\.?|number|#)?\s*[:=#-]?\s*)\d{9,18}\b/gi,
    replace: (_m, label = '', gap = '') => `${label}${gap}${REDACTED.account}`,
  },
  {
    // International: +CC or 00CC, then digit groups; 8-15 digits in all (E.164).
    pattern: /(?:\+|\b00)[1-9]\d{0,2}(?:[\s.-]?\(?\d+\)?){1,6}/g,
    replace: (m) => (digitCount(m) >= 8 && digitCount(m) <= 15 ? REDACTED.phone : m),
  },
  { pattern: /\b[2-9]\d{3}([\s-]?)\d{4}\1\d{4}\b/g, replace: () => REDACTED.aadhaar },
  // Indian mobile (98765 43210, 09876543210) and landline with STD code (022-24567890).
  { pattern: /\b0?[6-9]\d{4}[\s-]?\d{5}\b/g, replace: () => REDACTED.phone },
  {
    pattern: /\b0\d{2,4}[\s-]\d{6,8}\b/g,
    replace: (m) => (digitCount(m) >= 10 && digitCount(m) <= 12 ? REDACTED.phone : m),
  },
]

const slot = (i: number) => `\uE000${String.fromCharCode(0xe100 + i)}\uE001`
const SLOT = /\uE000([\uE100-\uEFFF])\uE001/g

/** The text with personal data replaced by `[email]`, `[phone]`, `[pan]`, … markers. */
export function redactText(text: string): string {
  const kept: string[] = []
  let out = text.replace(KEEP, (m) => {
    if (kept.length >= 0xeff) return m
    kept.push(m)
    return slot(kept.length - 1)
  })
  for (const rule of RULES) out = out.replace(rule.pattern, rule.replace)
  return out.replace(SLOT, (_m, c: string) => kept[c.charCodeAt(0) - 0xe100] ?? '')
}

const SECRET_KEY = /token|secret|passw|key|auth|signature/i

/** A query string with each value redacted (percent-decoded first, so `%40` cannot hide an email) and
 * credentials (`token=`, `key=`, …) dropped whatever they look like.
 */
export function redactQuery(query: string): string {
  if (query === '') return ''
  return query
    .split('&')
    .map((pair) => {
      const at = pair.indexOf('=')
      if (at < 0) return pair
      const key = pair.slice(0, at)
      if (SECRET_KEY.test(key)) return `${key}=${REDACTED.token}`
      let value = pair.slice(at + 1)
      try {
        value = decodeURIComponent(value.replace(/\+/g, ' '))
      } catch {
        // Malformed escapes: redact the raw text.
      }
      return `${key}=${redactText(value)}`
    })
    .join('&')
}

/** Strings anywhere in a log record (message, error details, nested fields) redacted; cycles cut. */
export function redactDeep(value: unknown, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redactText(value)
  if (value === null || typeof value !== 'object') return value
  if (seen.has(value)) return '[circular]'
  seen.add(value)
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, seen))
  if (value instanceof Error) {
    return { type: value.name, message: redactText(value.message), stack: redactText(value.stack ?? '') }
  }
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, seen)
  return out
}
