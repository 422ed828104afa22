/** GS1 AI encodable character set 82 (GS1 General Specifications, figure 7.11-1). */
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]$/
/** Character set 39, used by CPID (8010). */
const CSET39 = /^[#/0-9A-Z-]$/
/** Character set 64 (file-safe base64), used by the digital signature AI (8030). */
const CSET64 = /^[0-9A-Z_a-z=-]$/

export type Cset = 'N' | 'X' | 'Y' | 'Z'

const TESTS: Record<Cset, RegExp> = { N: /^[0-9]$/, X: CSET82, Y: CSET39, Z: CSET64 }

export const CSET_NAMES: Record<Cset, string> = {
  N: 'digits',
  X: 'characters from GS1 set 82',
  Y: 'characters from GS1 set 39',
  Z: 'characters from GS1 set 64',
}

/** Index of the first character not allowed in `cset`, or -1. */
export function firstInvalidChar(value: string, cset: Cset): number {
  const test = TESTS[cset]
  for (let i = 0; i < value.length; i++) if (!test.test(value[i] ?? '')) return i
  return -1
}

export function describeChar(ch: string): string {
  const code = ch.charCodeAt(0)
  if (code < 0x20 || code === 0x7f) return `control character 0x${code.toString(16).padStart(2, '0')}`
  return `"${ch}"`
}
