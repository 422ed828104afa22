/**
 * JS RegExp cannot be interrupted once running, so the guard rejects the pattern shapes that
 * backtrack exponentially instead of trying to time them out: a quantified group that itself
 * contains a quantifier or an alternation (`(a+)+`, `(a|aa)*`), backreferences and lookarounds.
 * Adjacent unbounded quantifiers (`a*a*a*b`) still backtrack polynomially with their count as the
 * exponent, so at most two are allowed, and the matcher runs each pattern over one line at a time
 * (at most MAX_REGEX_LINE_CHARS), which keeps the worst case to milliseconds.
 */
export const MAX_REGEX_LENGTH = 200
export const MAX_UNBOUNDED_QUANTIFIERS = 2

interface Group {
  quantified: boolean
  alternation: boolean
}

export function checkRegexSafety(pattern: string): string | null {
  if (pattern.length > MAX_REGEX_LENGTH)
    return `regular expression is longer than ${MAX_REGEX_LENGTH} characters`
  try {
    new RegExp(pattern, 'iu')
  } catch (error) {
    return `not a valid regular expression (${(error as Error).message})`
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'backreferences are not allowed in regular expressions'
  if (/\(\?<?[=!]/.test(pattern)) return 'lookarounds are not allowed in regular expressions'

  let unboundedCount = 0
  const stack: Group[] = []
  // What the last closed group held, so a quantifier right after ")" can be judged.
  let closed: Group | null = null
  let inClass = false
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '\\') {
      i++
      closed = null
      continue
    }
    if (inClass) {
      if (c === ']') inClass = false
      continue
    }
    if (c === '[') {
      inClass = true
      closed = null
    } else if (c === '(') {
      stack.push({ quantified: false, alternation: false })
      closed = null
    } else if (c === ')') {
      closed = stack.pop() ?? null
      const parent = stack.at(-1)
      // A quantifier inside a group makes every enclosing group "contain a quantifier" too.
      if (parent && closed?.quantified) parent.quantified = true
    } else if (c === '|') {
      const top = stack.at(-1)
      if (top) top.alternation = true
      closed = null
    } else if (c === '*' || c === '+' || c === '{' || c === '?') {
      const unbounded = c === '*' || c === '+' || (c === '{' && /^\{\d*,\}/.test(pattern.slice(i)))
      const repeats = c !== '?' && !(c === '{' && /^\{[01]\}/.test(pattern.slice(i)))
      if (closed && unbounded && (closed.quantified || closed.alternation)) {
        return 'nested quantifiers (like (a+)+ or (a|b)*) can backtrack catastrophically and are not allowed'
      }
      if (unbounded && ++unboundedCount > MAX_UNBOUNDED_QUANTIFIERS) {
        return `more than ${MAX_UNBOUNDED_QUANTIFIERS} unbounded quantifiers (*, +, {n,}) can backtrack for too long and are not allowed`
      }
      const top = stack.at(-1)
      if (top && repeats) top.quantified = true
      if (c === '{') i = pattern.indexOf('}', i)
      closed = null
    } else {
      closed = null
    }
  }
  return null
}
